// Verifies SD-JWT VC presentations issued and presented by credreg (issue.sql)
// with @sd-jwt/sd-jwt-vc, an independent implementation, and compares its
// Processed SD-JWT Payload with credreg's.  Reads NDJSON on stdin; exits 1
// when any line is rejected or the payloads differ.
//
// @sd-jwt/crypto-nodejs 0.19 verifies ES256 only, so the verifier callbacks
// use node:crypto for both EdDSA and ES256 (raw r||s, IEEE P1363).
import { createPublicKey, verify } from 'node:crypto';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest } from '@sd-jwt/crypto-nodejs';

function checkSignature(jwk, data, sig) {
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const signature = Buffer.from(sig, 'base64url');
  if (jwk.kty === 'OKP') return verify(null, Buffer.from(data), key, signature);
  return verify('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, signature);
}

let total = 0, ok = 0;
const failures = [];
for await (const text of createInterface({ input: process.stdin })) {
  if (!text.trim()) continue;
  const line = JSON.parse(text);
  total++;
  const sdjwt = new SDJwtVcInstance({
    hasher: digest,
    verifier: (data, sig) => checkSignature(line.issuer_jwk, data, sig),
    kbVerifier: (data, sig, payload) => checkSignature(payload.cnf.jwk, data, sig),
  });
  try {
    const result = await sdjwt.verify(line.sd_jwt, {
      keyBindingNonce: line.nonce,
      currentDate: Date.parse('2026-06-01T00:00:00Z') / 1000,
    });
    if (!result.kb) throw new Error('no key binding in the result');
    if (result.kb.payload.aud !== line.aud) throw new Error('aud differs');
    if (!line.credreg.valid) throw new Error('credreg rejected it: ' + line.credreg.errors.join('; '));
    if (!isDeepStrictEqual(result.payload, line.credreg.payload))
      throw new Error('payloads differ: ' + JSON.stringify(result.payload) + ' vs ' + JSON.stringify(line.credreg.payload));
    ok++;
  } catch (e) {
    failures.push(`${line.id}: ${e.message}`);
  }
}
for (const f of failures.slice(0, 10)) console.log('not ok ' + f);
console.log(`sdjwt interop: ${ok} of ${total} credreg-issued SD-JWT VC presentations verified by @sd-jwt/sd-jwt-vc with the same payload`);
process.exit(ok === total && total > 0 ? 0 : 1);
