package org.hallsafe.platform;

import java.io.IOException;
import java.util.Set;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads on a streaming standby (issue 18, item 3), only when {@code hallsafe.db.read-url} ({@code HALLSAFE_DB_READ_URL})
 * is set: the {@link Standby} and its checks, the advice that routes {@link StandbyRead} methods (before their
 * transaction begins), and the cookie that keeps a browser's reads on the primary for a while after it changed
 * something, so a page shown after a save shows the save.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${hallsafe.db.read-url:}'.isBlank()")
class StandbyConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Named {@code standby}: the health component of that name. */
    @Bean(name = "standby")
    Standby standby(StandbyProperties properties, DataSource dataSource, MeterRegistry meters, Environment environment) {
        return new Standby(properties, dataSource, meters, environment);
    }

    /** Runs before the transaction advice, so the transaction's connection already comes from the chosen server. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor standbyReadAdvisor(ObjectProvider<Standby> standby) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(StandbyRead.class),
                new StandbyRouting.Interceptor(standby));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    @Bean
    OncePerRequestFilter standbyWroteCookie(StandbyProperties properties) {
        int seconds = (int) Math.max(1, (properties.standbyMaxLag().toMillis() + 999) / 1000 + 1);
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (!SAFE_METHODS.contains(request.getMethod())) {
                    Cookie cookie = new Cookie(StandbyRouting.WROTE_COOKIE, "1");
                    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                    cookie.setMaxAge(seconds);
                    cookie.setHttpOnly(true);
                    cookie.setSecure(request.isSecure());
                    cookie.setAttribute("SameSite", "Lax");
                    response.addCookie(cookie);
                }
                chain.doFilter(request, response);
            }
        };
    }
}
