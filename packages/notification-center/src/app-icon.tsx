import { useState } from 'preact/hooks';
import { appColour, safeIconUrl } from './format.js';

/**
 * An app's icon (`icon_url`, from https or this origin only); without one, or when it fails to
 * load, the app's initial on the app's own colour, so apps stay apart at a glance.
 */
export function AppIcon({ appId, name, url, size }: { appId: string; name: string; url: string | null; size: number }) {
  const [broken, setBroken] = useState<string | null>(null);
  const icon = safeIconUrl(url);
  const dimensions = { width: `${size}px`, height: `${size}px` };
  if (icon && broken !== icon) {
    return (
      <span class="icon" aria-hidden="true" style={dimensions}>
        <img src={icon} alt="" width={size} height={size} loading="lazy" onError={() => setBroken(icon)} />
      </span>
    );
  }
  return (
    <span
      class="icon initial"
      aria-hidden="true"
      data-colour={appColour(appId)}
      style={{ ...dimensions, background: appColour(appId), fontSize: `${Math.round(size * 0.45)}px` }}
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}
