package io.gongkai.ingest.rest;

import io.gongkai.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Only holders of a submit token may change anything under /api: 401 without a valid token, 403 with a
 * read-only one. Reads are open unless {@code gongkai.auth.public-read=false}.
 */
public class BearerTokenFilter {

    private final List<String> submitTokens;
    private final List<String> readTokens;
    private final boolean publicRead;

    public BearerTokenFilter(IngestConfig config) {
        this.submitTokens = config.auth().submitTokens().orElse(List.of()).stream().filter(t -> !t.isBlank()).toList();
        this.readTokens = config.auth().readTokens().orElse(List.of()).stream().filter(t -> !t.isBlank()).toList();
        this.publicRead = config.auth().publicRead();
    }

    @ServerRequestFilter
    public Response authorize(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (reading && publicRead) {
            return null;
        }
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token != null && matches(token, submitTokens)) {
            return null;
        }
        if (token != null && matches(token, readTokens)) {
            return reading ? null : Problem.response(Response.Status.FORBIDDEN, "Forbidden",
                    "此令牌只能读取，不能提交文档。 This token may read but not submit.");
        }
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, "Unauthorized", token == null
                ? "缺少身份令牌：请以 Authorization: Bearer <token> 提交。 Missing bearer token."
                : "身份令牌无效。 The bearer token is not valid.");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gongkai\"").build();
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Constant-time comparison, so response timing tells nothing about a token. */
    private static boolean matches(String token, List<String> tokens) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String t : tokens) {
            found |= MessageDigest.isEqual(given, t.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }
}
