package org.hallsafe.platform;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The favicon (issue 20 item 9): {@code /favicon.svg} and a 32 px {@code /favicon.ico} from {@code static/}, open to
 * everyone. Static files are otherwise served only under {@code /css}, {@code /js} and {@code /audio}
 * ({@code spring.mvc.static-path-pattern}, issue 8), so these two get their own handler.
 */
@Configuration(proxyBeanMethods = false)
class Favicon implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico", "/favicon.svg").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
