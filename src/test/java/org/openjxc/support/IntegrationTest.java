package org.openjxc.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a real HTTP port and a real database (H2 or
 * PostgreSQL, see {@link TestDatabase}). All such tests share one application context, so
 * each test makes its own users and codes and never assumes an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "openjxc.admin-password=" + Api.ADMIN_PASSWORD,
            "server.address=127.0.0.1",
            "spring.thymeleaf.cache=false",
            // Tests send webhooks themselves, with the clock they need.
            "openjxc.webhooks.poll=PT1H",
            // E-mail goes to FakeSmtpServer when a test listens there.
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + FakeSmtpServer.PORT
        })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface IntegrationTest {}
