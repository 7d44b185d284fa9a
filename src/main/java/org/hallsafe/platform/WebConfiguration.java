package org.hallsafe.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** Chinese first: zh-CN unless the person chose English with the switch or {@code ?lang=en}, kept for the session. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Pages: the language chosen in this session, else Chinese. The API has no session: it follows
     * {@code Accept-Language} among the languages HallSafe speaks, else Chinese.
     */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver pages = new SessionLocaleResolver();
        pages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        api.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                if (!isApi(request)) {
                    pages.setLocale(request, response, locale);
                }
            }

            private boolean isApi(HttpServletRequest request) {
                return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            }
        };
    }

    /** A handler's {@link SignedIn} argument: the signed-in person and hall (issue 13, item 5). */
    @Override
    public void addArgumentResolvers(List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInArguments());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
