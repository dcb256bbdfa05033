package dev.signet.web.oauth2;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.signet.oauth2.Grants;
import dev.signet.oauth2.TokenInspection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The back-channel endpoints a client calls: token (RFC 6749), introspection (RFC 7662),
 * revocation (RFC 7009) and device authorization (RFC 8628). Nimbus parses each request and
 * writes each answer, errors included.
 */
@RequestScoped
@Path("oauth2")
public class TokenResource {
    @EJB
    private Grants grants;
    @EJB
    private TokenInspection inspection;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @POST
    @Path("token")
    public Response token(String body) {
        if (tooLarge(body)) {
            return OAuth2Exchange.response(new TokenErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
        }
        try {
            TokenRequest request = TokenRequest.parse(OAuth2Exchange.post(uri, headers, body));
            return OAuth2Exchange.response(grants.token(request, OAuth2Exchange.origin(uri)).toHTTPResponse());
        } catch (ParseException e) {
            return OAuth2Exchange.response(new TokenErrorResponse(errorOf(e)).toHTTPResponse());
        }
    }

    @POST
    @Path("token/introspect")
    public Response introspect(String body) {
        if (tooLarge(body)) {
            return OAuth2Exchange.response(new TokenIntrospectionErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
        }
        try {
            TokenIntrospectionRequest request = TokenIntrospectionRequest.parse(OAuth2Exchange.post(uri, headers, body));
            return OAuth2Exchange.response(inspection.introspect(request, OAuth2Exchange.origin(uri)).toHTTPResponse());
        } catch (ParseException e) {
            return OAuth2Exchange.response(new TokenIntrospectionErrorResponse(errorOf(e)).toHTTPResponse());
        }
    }

    @POST
    @Path("token/revoke")
    public Response revoke(String body) {
        if (tooLarge(body)) {
            return OAuth2Exchange.response(new TokenErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
        }
        try {
            TokenRevocationRequest request = TokenRevocationRequest.parse(OAuth2Exchange.post(uri, headers, body));
            ErrorObject error = inspection.revoke(request, OAuth2Exchange.origin(uri));
            return OAuth2Exchange.response(error == null ? new HTTPResponse(HTTPResponse.SC_OK) : new TokenErrorResponse(error).toHTTPResponse());
        } catch (ParseException e) {
            return OAuth2Exchange.response(new TokenErrorResponse(errorOf(e)).toHTTPResponse());
        }
    }

    @POST
    @Path("device")
    public Response deviceAuthorization(String body) {
        if (tooLarge(body)) {
            return OAuth2Exchange.response(new DeviceAuthorizationErrorResponse(OAuth2Error.INVALID_REQUEST).toHTTPResponse());
        }
        try {
            DeviceAuthorizationRequest request = DeviceAuthorizationRequest.parse(OAuth2Exchange.post(uri, headers, body));
            return OAuth2Exchange.response(grants.deviceAuthorization(request, OAuth2Exchange.origin(uri)).toHTTPResponse());
        } catch (ParseException e) {
            return OAuth2Exchange.response(new DeviceAuthorizationErrorResponse(errorOf(e)).toHTTPResponse());
        }
    }

    private static boolean tooLarge(String body) {
        return body != null && body.length() > OAuth2Exchange.MAX_BODY;
    }

    private static ErrorObject errorOf(ParseException e) {
        return e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()) : e.getErrorObject();
    }
}
