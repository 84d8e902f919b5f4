package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The service's sockets (HTTP server, GitHub client, PostgreSQL client) run on epoll on Linux, as configured. */
@QuarkusTest
class NativeTransportTests {

    @Inject
    Vertx vertx;

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "aarch64"})
    void socketsUseEpollOnLinux() {
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport unavailable: %s", vertx.unavailableNativeTransportCause())
                .isTrue();
    }
}
