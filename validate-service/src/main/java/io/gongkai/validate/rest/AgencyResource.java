package io.gongkai.validate.rest;

import io.gongkai.common.rest.Problem;
import io.gongkai.common.security.Roles;
import io.gongkai.validate.service.AgencyDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The agencies directory (read-only): {@code GET /api/agencies?region=CODE} lists agencies with region, level, years on
 * file and reports (renditions under one report key); {@code GET /api/regions/CODE?year=Y} lists a region's governments
 * and which have a report for the year. A code is a national division code (2 to 12 digits); anything else is a 400.
 */
@Path("/api")
@RolesAllowed(Roles.READ)
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private static final Pattern CODE = Pattern.compile("\\d{2,12}");

    private final AgencyDirectory directory;

    public AgencyResource(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("agencies")
    public Response agencies(@QueryParam("region") String region) {
        if (region != null && !CODE.matcher(region).matches()) {
            return badCode(region);
        }
        return Response.ok(directory.agencies(region)).build();
    }

    @GET
    @Path("regions/{code}")
    public Response region(@PathParam("code") String code, @QueryParam("year") String year) {
        if (!CODE.matcher(code).matches()) {
            return badCode(code);
        }
        Integer y = year(year);
        if (y == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "Bad Request",
                    "year 须为 1990 至 2100 之间的年份。 The year must be given, between 1990 and 2100.");
        }
        return directory.region(code, y).map(r -> Response.ok(r).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "Not Found",
                        "区划代码中没有 " + code + "。 No division has this code."));
    }

    private static Integer year(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            return null;
        }
        int y = Integer.parseInt(year);
        return y >= 1990 && y <= 2100 ? y : null;
    }

    private static Response badCode(String code) {
        return Problem.response(Response.Status.BAD_REQUEST, "Bad Request",
                "区划代码须为 2 至 12 位数字。 A division code is 2 to 12 digits.");
    }
}
