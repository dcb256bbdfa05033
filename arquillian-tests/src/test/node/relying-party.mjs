// A relying party written with openid-client (OpenID Certified), used as its documentation shows.
// argv: issuer client_id client_secret redirect_uri
// stdout line 1: {"authorize": url}; stdin: the callback URL the browser was sent to;
// stdout line 2: {"claims": id_token claims, "userinfo": userinfo response}
import * as client from 'openid-client';
import { createInterface } from 'node:readline';

const [issuer, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const config = await client.discovery(new URL(issuer), clientId, clientSecret);
// validate the id_token signature against the issuer's JWKS too, not only the TLS channel
client.enableNonRepudiationChecks(config);

const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorize = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: 'openid email profile',
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});
console.log(JSON.stringify({ authorize: authorize.href }));

const input = createInterface({ input: process.stdin });
const callback = await new Promise((resolve) => input.once('line', resolve));
input.close();

const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
  pkceCodeVerifier: verifier,
  expectedState: state,
  expectedNonce: nonce,
  idTokenExpected: true,
});
const claims = tokens.claims();
const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
console.log(JSON.stringify({ claims, userinfo }));
