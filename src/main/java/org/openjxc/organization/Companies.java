package org.openjxc.organization;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds companies. */
@Service
public class Companies {

    private final JdbcClient jdbc;

    Companies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Company create(String code, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into company (code, name) values (?, ?)")
                .params(code, name)
                .update(keys, "id");
        return new Company(keys.getKey().longValue(), code, name);
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
