/**
 * Short receivers for a secureFetch body (base64url of nonce 12 | tag 16 | ciphertext,
 * AES-256-GCM), shown by `custody snippet` and the app, to test a receiver against `custody
 * encrypt`. They hold a placeholder where the key goes and never a key: a snippet gets copied into
 * code, chats and tickets.
 */
import type { ReceiverSnippet as SharedReceiverSnippet } from '../../shared/domain';

export const KEY_PLACEHOLDER = '<WORKFLOW_KEY_BASE64>';

export const SNIPPET_LANGUAGES = ['node', 'dotnet', 'python'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/** The shared snippet, but for the placeholder (one for all, KEY_PLACEHOLDER), in one of the languages here. */
export type ReceiverSnippet = Omit<SharedReceiverSnippet, 'language' | 'keyPlaceholder'> & { language: SnippetLanguage };

const NODE = `// Decrypts a Kinde secureFetch body: base64url of nonce (12 bytes) | tag (16) | ciphertext, AES-256-GCM.
// Load the key from your secret store instead of writing it here; never commit it.
const { createDecipheriv } = require('node:crypto');

const WORKFLOW_KEY = Buffer.from('${KEY_PLACEHOLDER}', 'base64'); // base64 or base64url, 32 bytes

function decryptSecureFetchBody(body) {
  const bytes = Buffer.from(body.trim(), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', WORKFLOW_KEY, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  // final() throws when the body was altered or sealed with another key.
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
`;

const DOTNET = `// Decrypts a Kinde secureFetch body: base64url of nonce (12 bytes) | tag (16) | ciphertext, AES-256-GCM.
// .NET 8 or later. Load the key from your secret store instead of writing it here; never commit it.
using System;
using System.Security.Cryptography;
using System.Text;

public static class SecureFetchReceiver
{
    private const string WorkflowKey = "${KEY_PLACEHOLDER}"; // 32 bytes

    public static string DecryptSecureFetchBody(string body)
    {
        byte[] bytes = FromBase64Any(body);
        var plaintext = new byte[bytes.Length - 28];
        using var aes = new AesGcm(FromBase64Any(WorkflowKey), 16);
        // Throws AuthenticationTagMismatchException when the body was altered or sealed with another key.
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    // Accepts base64 and base64url, padded or not.
    private static byte[] FromBase64Any(string text)
    {
        string s = text.Trim().Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
`;

const PYTHON = `# Decrypts a Kinde secureFetch body: base64url of nonce (12 bytes) | tag (16) | ciphertext, AES-256-GCM.
# Needs the cryptography package. Load the key from your secret store instead of writing it here; never commit it.
import base64

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _from_base64_any(text: str) -> bytes:
    """Accepts base64 and base64url, padded or not."""
    text = text.strip().replace("-", "+").replace("_", "/")
    return base64.b64decode(text + "=" * (-len(text) % 4))


WORKFLOW_KEY = "${KEY_PLACEHOLDER}"  # 32 bytes


def decrypt_secure_fetch_body(body: str) -> str:
    data = _from_base64_any(body)
    nonce, tag, ciphertext = data[:12], data[12:28], data[28:]
    # AESGCM takes ciphertext || tag; it raises InvalidTag when the body was altered or sealed with another key.
    return AESGCM(_from_base64_any(WORKFLOW_KEY)).decrypt(nonce, ciphertext + tag, None).decode("utf-8")
`;

export const RECEIVER_SNIPPETS: Readonly<Record<SnippetLanguage, ReceiverSnippet>> = {
  node: { language: 'node', title: 'Node.js (node:crypto)', entryPoint: 'decryptSecureFetchBody', code: NODE },
  dotnet: {
    language: 'dotnet',
    title: 'C# / .NET 8 (System.Security.Cryptography.AesGcm)',
    entryPoint: 'SecureFetchReceiver.DecryptSecureFetchBody',
    code: DOTNET,
  },
  python: { language: 'python', title: 'Python 3 (cryptography)', entryPoint: 'decrypt_secure_fetch_body', code: PYTHON },
};
