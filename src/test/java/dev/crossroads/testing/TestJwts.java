package dev.crossroads.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A test identity provider: an RSA key pair, its issuer, and JWTs with chosen groups, expiry, issuer or signing key.
 * The pair is kept in {@code target/test-jwt/}, so every class loader of the test JVM (and a packaged service) works
 * with the key the service was given.
 */
public final class TestJwts {

    public static final String ISSUER = "https://id.crossroads.test";
    public static final String ADMIN_ROLE = "crossroads-admin";

    private static final Path DIR = Path.of("target/test-jwt");
    private static final KeyPair PAIR = load("issuer");
    /** Another provider's key: its tokens carry the right issuer and a signature the service cannot verify. */
    private static final KeyPair OTHER = load("other");

    private TestJwts() {
    }

    /** What the service needs to accept these tokens. */
    public static Map<String, String> serviceConfig() {
        return Map.of("mp.jwt.verify.publickey.location", DIR.resolve("issuer-public.pem").toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", ISSUER);
    }

    /** Valid for five minutes, with the admin role. */
    public static String admin() {
        return token(ISSUER, Duration.ofMinutes(5), PAIR.getPrivate(), ADMIN_ROLE);
    }

    /** Valid, with groups that do not include the admin role. */
    public static String withoutAdminRole() {
        return token(ISSUER, Duration.ofMinutes(5), PAIR.getPrivate(), "crossroads-readers");
    }

    /** Expired ten minutes ago: past any clock skew the verifier allows. */
    public static String expired() {
        return token(ISSUER, Duration.ofMinutes(-10), PAIR.getPrivate(), ADMIN_ROLE);
    }

    public static String fromAnotherIssuer() {
        return token("https://id.elsewhere.test", Duration.ofMinutes(5), PAIR.getPrivate(), ADMIN_ROLE);
    }

    public static String signedByAnotherKey() {
        return token(ISSUER, Duration.ofMinutes(5), OTHER.getPrivate(), ADMIN_ROLE);
    }

    private static String token(String issuer, Duration validFor, PrivateKey key, String... groups) {
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        return Jwt.issuer(issuer).subject("alice").upn("alice@crossroads.test").groups(Set.of(groups))
                .issuedAt(validFor.isNegative() ? expires.minus(Duration.ofMinutes(5)) : now).expiresAt(expires)
                .sign(key);
    }

    /** The pair named so, generated the first time and read back from then on. */
    private static synchronized KeyPair load(String name) {
        Path privateFile = DIR.resolve(name + "-private.pem");
        Path publicFile = DIR.resolve(name + "-public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(DIR);
                write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
                write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(read(privateFile)));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(read(publicFile)));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(DIR, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, pem);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] read(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
