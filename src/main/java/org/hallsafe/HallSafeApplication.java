package org.hallsafe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 政务大厅防控与服务保障平台: one deployable, one Spring Modulith module per capability of the work plan. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HallSafeApplication {

    public static void main(String[] args) {
        SpringApplication.run(HallSafeApplication.class, args);
    }
}
