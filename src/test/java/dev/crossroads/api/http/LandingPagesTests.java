package dev.crossroads.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every address of the landing page answers its one shell, which then reads the API. */
@QuarkusTest
class LandingPagesTests {

    @Test
    void featureAndLanguageAddressesServeTheSameShellAsTheRoot() {
        String root = given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"/js/app.js\"></script>")).extract().asString();
        String feature = given().get("/features/logger").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        String language = given().get("/languages/java").then().statusCode(200).extract().asString();
        assertThat(feature).isEqualTo(root).isEqualTo(language);
    }

    @Test
    void theShellIsRevalidatedWithItsETag() {
        String etag = given().get("/features/logger").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"");
        given().header("If-None-Match", etag).get("/languages/python").then().statusCode(304);
    }

    @Test
    void itsModulesAndStylesAreServed() {
        for (String asset : new String[] {"/js/app.js", "/js/dom.js", "/js/api.js", "/js/matrix.js", "/js/feature.js",
                "/js/language.js", "/js/freshness.js", "/js/status.js", "/app.css", "/favicon.svg"}) {
            given().get(asset).then().statusCode(200);
        }
    }

    @Test
    void deeperAddressesAreNotPages() {
        given().get("/features/logger/extra").then().statusCode(404);
    }
}
