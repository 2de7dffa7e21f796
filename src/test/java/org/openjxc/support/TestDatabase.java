package org.openjxc.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of a test run: PostgreSQL when {@code OPENJXC_TEST_POSTGRES_URL} is set
 * (user and password from {@code OPENJXC_TEST_POSTGRES_USER} / {@code _PASSWORD}), else an
 * in-memory H2 in PostgreSQL mode. The choice is printed once so every run says what it used.
 */
public final class TestDatabase {

    private static final String POSTGRES_URL = System.getenv("OPENJXC_TEST_POSTGRES_URL");
    private static boolean announced;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    public static String name() {
        return isPostgres() ? "PostgreSQL" : "H2";
    }

    /** Puts the chosen database ahead of every other property source of the test context. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("openjxc-test-db", properties()));
        }
    }

    public static synchronized Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (isPostgres()) {
            p.put("spring.datasource.url", POSTGRES_URL);
            p.put("spring.datasource.username", env("OPENJXC_TEST_POSTGRES_USER", "postgres"));
            p.put("spring.datasource.password", env("OPENJXC_TEST_POSTGRES_PASSWORD", "postgres"));
        } else {
            p.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:openjxc-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        }
        if (!announced) {
            announced = true;
            System.out.println("\n=== OpenJXC tests run against " + name()
                    + (isPostgres() ? " (" + POSTGRES_URL + ")" : " (in-memory, PostgreSQL mode)") + " ===\n");
        }
        return p;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
