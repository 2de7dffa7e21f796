package org.openjxc.support;

import java.util.List;
import org.openjxc.access.BuiltInRole;
import org.openjxc.access.Users;
import org.openjxc.organization.Companies;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A company of its own for a test that changes company settings or needs an empty ledger, so it
 * never disturbs the tests sharing the database. Returns its administrator, logged in.
 */
public final class TestCompanies {

    private TestCompanies() {}

    public static Api create(ApplicationContext context, int port) {
        return company(context, port).api();
    }

    /** A new company: its id, its administrator's username, and an API logged in as them. */
    public record Created(long id, String admin, Api api) {}

    public static Created company(ApplicationContext context, int port) {
        String code = Api.unique("CO");
        String admin = code.replace("-", "_").toLowerCase() + "_admin";
        long id = context.getBean(TransactionTemplate.class).execute(tx -> {
            var company = context.getBean(Companies.class).create(code, "测试公司 " + code);
            Users users = context.getBean(Users.class);
            users.provisionRoles(company.id());
            users.createSystemUser(company.id(), admin, Api.ADMIN_PASSWORD, "管理员 " + code, List.of(BuiltInRole.ADMIN));
            return company.id();
        });
        return new Created(id, admin, Api.anonymous(port).login(admin, Api.ADMIN_PASSWORD));
    }
}
