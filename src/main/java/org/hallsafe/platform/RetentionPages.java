package org.hallsafe.platform;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The retention periods as configured, read-only: an administrator can tell an assessor how long what is kept. */
@Controller
class RetentionPages {

    private final RetentionProperties properties;

    RetentionPages(RetentionProperties properties) {
        this.properties = properties;
    }

    record Period(RetentionProperties.DataClass dataClass, long days) {
    }

    @GetMapping("/admin/retention")
    @RequiresPermission(Permissions.ACCOUNT_MANAGE)
    String periods(Model model) {
        model.addAttribute("periods", Arrays.stream(RetentionProperties.DataClass.values())
                .map(c -> new Period(c, properties.period(c).toDays())).toList());
        model.addAttribute("enabled", properties.enabled());
        return "admin/retention";
    }
}
