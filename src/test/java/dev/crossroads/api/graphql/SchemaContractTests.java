package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema is generated from code; committing it makes every change to the API visible in review. Regenerate
 * with {@code ./mvnw test -Dtest=SchemaContractTests -DupdateSchema=true}.
 */
@QuarkusTest
class SchemaContractTests {

    private static final Path COMMITTED = Path.of("docs/schema.graphql");

    @Test
    void servedSchemaMatchesTheCommittedOne() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();

        if (Boolean.getBoolean("updateSchema")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(COMMITTED).as("committed schema; regenerate as described in this test's Javadoc").exists();
        assertThat(served).isEqualTo(Files.readString(COMMITTED));
    }
}
