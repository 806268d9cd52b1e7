package io.gongkai.validate.rest;

import io.gongkai.validate.config.ValidateConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * /api/admin needs an admin bearer token (gongkai.auth.admin-tokens): 401 without a valid one, 403 when no admin
 * token is configured at all (the admin API is then switched off for everyone).
 */
public class AdminTokenFilter {

    private final List<String> adminTokens;

    public AdminTokenFilter(ValidateConfig config) {
        this.adminTokens = config.auth().adminTokens().orElse(List.of()).stream().filter(t -> !t.isBlank()).toList();
    }

    @ServerRequestFilter
    public Response authorize(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/admin")) {
            return null;
        }
        if (adminTokens.isEmpty()) {
            return Problem.response(Response.Status.FORBIDDEN, "Forbidden",
                    "未配置管理令牌（gongkai.auth.admin-tokens），管理接口已关闭。 No admin token is configured; the admin API is off.");
        }
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token != null && matches(token)) {
            return null;
        }
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, "Unauthorized", token == null
                ? "缺少管理令牌：请以 Authorization: Bearer <token> 调用。 Missing bearer token."
                : "管理令牌无效。 The bearer token is not an admin token.");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gongkai-admin\"").build();
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Constant-time comparison, so response timing tells nothing about a token. */
    private boolean matches(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String t : adminTokens) {
            found |= MessageDigest.isEqual(given, t.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }
}
