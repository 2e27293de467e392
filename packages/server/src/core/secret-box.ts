import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/**
 * Webhook secrets must be readable by the server (it signs with them), so they are encrypted, not
 * hashed, at rest when ORIVA_SECRET_KEY is set: AES-256-GCM with a key derived from it.
 */
export function createSecretBox(secretKey: string | undefined) {
  const key = secretKey ? createHash('sha256').update(secretKey).digest() : undefined;
  return {
    seal(secret: string): string {
      if (!key) return secret;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(stored: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      if (!key) throw new Error('A webhook secret is encrypted but ORIVA_SECRET_KEY is not set');
      const [iv, tag, sealed] = stored.slice(PREFIX.length).split('.') as [string, string, string];
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
