package dev.signet.web.oauth2;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.signet.oauth2.ClientKeys;
import dev.signet.oauth2.Entitlements;
import dev.signet.oauth2.Issuers;
import dev.signet.oauth2.OAuth2Client;
import dev.signet.oauth2.OAuth2Clients;
import dev.signet.oauth2.TokenInspection;
import dev.signet.fault.EntryNotFound;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import net.minidev.json.JSONObject;

/**
 * Per-client OpenID Provider endpoints under the issuer {@code /oauth2/openid/{client}}: discovery
 * (OIDC and RFC 8414), the published keys and userinfo.
 */
@RequestScoped
@Path("oauth2/openid/{client}")
public class OpenIdResource {
    @EJB
    private OAuth2Clients clients;
    @EJB
    private ClientKeys keys;
    @EJB
    private Entitlements entitlements;
    @EJB
    private TokenInspection inspection;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public String openidConfiguration(@PathParam("client") String clientName) {
        return metadata(client(clientName)).toJSONObject().toJSONString();
    }

    @GET
    @Path(".well-known/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public String authorizationServer(@PathParam("client") String clientName) {
        return metadata(client(clientName)).toJSONObject().toJSONString();
    }

    @GET
    @Path("public_key.jwk")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks(@PathParam("client") String clientName) {
        return keys.published(client(clientName)).toString(true);
    }

    @GET
    @Path("userinfo")
    public Response userinfoGet(@PathParam("client") String clientName) {
        return userinfo(clientName, OAuth2Exchange.request(HTTPRequest.Method.GET, uri, headers));
    }

    @POST
    @Path("userinfo")
    public Response userinfoPost(@PathParam("client") String clientName, String body) {
        HTTPRequest request = OAuth2Exchange.post(uri, headers, body == null || body.length() > OAuth2Exchange.MAX_BODY ? "" : body);
        return userinfo(clientName, request);
    }

    private Response userinfo(String clientName, HTTPRequest request) {
        String token;
        try {
            token = BearerAccessToken.parse(request).getValue();
        } catch (ParseException e) {
            return OAuth2Exchange.response(new UserInfoErrorResponse(BearerTokenError.MISSING_TOKEN).toHTTPResponse());
        }
        TokenInspection.UserInfo info = inspection.userinfo(clientName, token, OAuth2Exchange.origin(uri));
        if (info.error() != null) {
            return OAuth2Exchange.response(new UserInfoErrorResponse((BearerTokenError) info.error()).toHTTPResponse());
        }
        return Response.ok(new JSONObject(info.claims()).toJSONString(), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }

    private OAuth2Client client(String name) {
        return clients.find(name).orElseThrow(() -> new EntryNotFound(name));
    }

    private OIDCProviderMetadata metadata(OAuth2Client client) {
        String origin = Issuers.origin(OAuth2Exchange.origin(uri));
        String issuer = Issuers.of(OAuth2Exchange.origin(uri), client);
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PUBLIC),
                URI.create(issuer + "/public_key.jwk"));
        metadata.setAuthorizationEndpointURI(URI.create(origin + "/oauth2/authorize"));
        metadata.setTokenEndpointURI(URI.create(origin + "/oauth2/token"));
        metadata.setUserInfoEndpointURI(URI.create(issuer + "/userinfo"));
        metadata.setIntrospectionEndpointURI(URI.create(origin + "/oauth2/token/introspect"));
        metadata.setRevocationEndpointURI(URI.create(origin + "/oauth2/token/revoke"));
        metadata.setDeviceAuthorizationEndpointURI(URI.create(origin + "/oauth2/device"));
        metadata.setScopes(new Scope(entitlements.allMappedScopes(client).toArray(String[]::new)));
        metadata.setResponseTypes(List.of(new ResponseType(ResponseType.Value.CODE)));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        List<GrantType> grants = client.confidential()
                ? List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS, GrantType.DEVICE_CODE)
                : List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.DEVICE_CODE);
        metadata.setGrantTypes(grants);
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        List<ClientAuthenticationMethod> auth = client.confidential()
                ? List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST)
                : List.of(ClientAuthenticationMethod.NONE);
        metadata.setTokenEndpointAuthMethods(auth);
        metadata.setIntrospectionEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setRevocationEndpointAuthMethods(auth);
        JWSAlgorithm algorithm = client.legacyCrypto() ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        metadata.setIDTokenJWSAlgs(List.of(algorithm));
        metadata.setClaims(List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "acr", "amr", "azp", "sid",
                "name", "preferred_username", "email", "email_verified", "groups", "ssh_publickeys"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        return metadata;
    }
}
