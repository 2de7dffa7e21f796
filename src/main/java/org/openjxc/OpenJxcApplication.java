package org.openjxc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OpenJXC: purchase, sales and inventory for small and mid-size companies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenJxcApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenJxcApplication.class, args);
    }
}
