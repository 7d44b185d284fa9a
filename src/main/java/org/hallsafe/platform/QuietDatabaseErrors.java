package org.hallsafe.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's errors name the values they refused ("Key (code)=(K7Q2…) already exists"): a booking code, a phone
 * hash or a name would reach the log with the exception. The driver's {@code logServerErrorDetail=false} leaves
 * that detail out of every exception message; the error and the constraint's name stay (issue #12, item 14).
 */
@Component
class QuietDatabaseErrors implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            hikari.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return bean;
    }
}
