package io.gongkai.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String title, String detail) {
        return response(status.getStatusCode(), title, detail);
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail)).build();
    }

    /** An exception a resource throws to answer with this problem. */
    public static WebApplicationException exception(Response.Status status, String title, String detail) {
        return new WebApplicationException(detail, response(status, title, detail));
    }
}
