import type { Notification } from '@oriva/sdk';
import { UNDO_WINDOW_MS } from './pending-dismissals.js';

/** The latest dismissal, with a way back while it is still held (see pending-dismissals.ts). */
export function UndoToast({ item, onUndo }: { item: Notification; onUndo: (id: string) => void }) {
  return (
    <div class="toast" id="undo-toast" data-notification-id-pending={item.id}>
      <span class="toast-text">
        Dismissed <q>{item.title}</q>
      </span>
      <button
        type="button"
        class="small"
        aria-label={`Undo dismiss: ${item.title}`}
        title={`Undo within ${UNDO_WINDOW_MS / 1000} seconds`}
        onClick={() => onUndo(item.id)}
      >
        Undo
      </button>
    </div>
  );
}
