package org.openjxc.access.internal;

import java.security.SecureRandom;
import java.util.List;
import org.openjxc.access.BuiltInRole;
import org.openjxc.access.Users;
import org.openjxc.organization.Companies;
import org.openjxc.organization.Company;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database: creates the company, its built-in roles and the
 * {@code admin} user. The admin password is {@code OPENJXC_ADMIN_PASSWORD}, or a random one
 * logged exactly once. On every start: gives built-in roles the permissions added since.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Companies companies;
    private final Users users;
    private final RoleRows roles;
    private final AccessProperties properties;
    private final TransactionTemplate transactions;

    FirstStart(
            Companies companies,
            Users users,
            RoleRows roles,
            AccessProperties properties,
            TransactionTemplate transactions) {
        this.companies = companies;
        this.users = users;
        this.roles = roles;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(tx -> {
            roles.completeBuiltInRoles();
            if (companies.count() > 0 || users.exists("admin")) {
                return;
            }
            Company company = companies.create("DEFAULT", "我的公司");
            users.provisionRoles(company.id());
            String password = properties.adminPassword();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                password = randomPassword();
            }
            users.createSystemUser(company.id(), "admin", password, "系统管理员", List.of(BuiltInRole.ADMIN));
            if (generated) {
                log.warn(
                        "\n\n  OpenJXC first start: created user 'admin' with password  {}\n"
                                + "  It is shown only this once. Set OPENJXC_ADMIN_PASSWORD to choose it instead.\n",
                        password);
            } else {
                log.info("OpenJXC first start: created user 'admin' with the password from OPENJXC_ADMIN_PASSWORD");
            }
        });
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
