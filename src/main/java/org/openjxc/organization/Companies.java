package org.openjxc.organization;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds companies. A new company gets its head office org unit {@code HQ}. */
@Service
public class Companies {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Companies(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Company create(String code, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into company (code, name) values (?, ?)")
                .params(code, name)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        // Every company starts with its head office, the root of its org unit tree.
        jdbc.sql("insert into org_unit (company_id, code, name) values (?, 'HQ', ?)")
                .params(id, name)
                .update();
        events.publishEvent(new CompanyCreated(id));
        return new Company(id, code, name);
    }

    @Transactional(readOnly = true)
    public Optional<Company> find(long id) {
        return jdbc.sql("select id, code, name from company where id = ?")
                .param(id)
                .query(Company.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Company> findByCode(String code) {
        return jdbc.sql("select id, code, name from company where code = ?")
                .param(code)
                .query(Company.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from company").query(Long.class).single();
    }
}
