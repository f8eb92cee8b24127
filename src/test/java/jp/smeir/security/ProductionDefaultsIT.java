package jp.smeir.security;

import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.AppProcess;

/** What the packaged jar serves by default in production, as an operator starts it. */
class ProductionDefaultsIT {

    @TempDir
    Path data;

    @Test
    void swaggerUiIsOffTheOpenApiDocumentOpen() {
        try (AppProcess app = AppProcess.start(data, Map.of())) {
            io.restassured.RestAssured.given().baseUri(app.url()).when().get("/q/swagger-ui/").then().statusCode(404);
            io.restassured.RestAssured.given().baseUri(app.url()).when().get("/q/openapi").then().statusCode(200)
                    .body(containsString("/api/v1/assessments"));
            app.stop();
        }
    }
}
