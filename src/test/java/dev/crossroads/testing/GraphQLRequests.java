package dev.crossroads.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts GraphQL documents kept under {@code src/test/resources/graphql/}, so no test hand-escapes a query. */
public final class GraphQLRequests {

    private GraphQLRequests() {
    }

    public static ValidatableResponse post(String documentName, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document(documentName));
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().log().ifValidationFails().statusCode(200);
    }

    public static ValidatableResponse post(String documentName) {
        return post(documentName, Map.of());
    }

    /** A test document ({@code src/test/resources/graphql}), else a query the service ships ({@code queries/}). */
    public static String document(String name) {
        InputStream test = GraphQLRequests.class.getResourceAsStream("/graphql/" + name + ".graphql");
        try (InputStream in = test != null ? test
                : GraphQLRequests.class.getResourceAsStream("/queries/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No GraphQL document src/test/resources/graphql/" + name
                        + ".graphql, nor a shipped query " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
