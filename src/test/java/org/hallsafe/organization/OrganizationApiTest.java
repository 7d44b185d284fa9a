package org.hallsafe.organization;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The organization's JSON API (R-ORG-1, R-ORG-2): same rules as the pages, errors as problem details. */
@HallSafeTest
class OrganizationApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    @Test
    void createsASectionAndAStaffMemberAndReturnsMaskedNumbers() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        String name = "接口测试科" + System.nanoTime();
        String location = mvc.perform(post("/api/v1/departments").with(httpBasic(admin, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SECTION\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value(name))
                .andReturn().getResponse().getHeader("Location");
        long section = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String card = "API" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/api/v1/staff").with(httpBasic(admin, TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"杨秀英\",\"cardNo\":\"" + card + "\",\"departmentId\":" + section
                                + ",\"phone\":\"13712345678\",\"idNumber\":\"\"}"))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.phoneMasked").value("137****5678"))
                .andExpect(jsonPath("$.departmentName").value(name));

        mvc.perform(get("/api/v1/staff").param("q", "13712345678").with(httpBasic(admin, TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].cardNo", hasItem(card)));
    }

    @Test
    void answersBadInputWithEachFieldsMessageInTheCallersLanguage() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        mvc.perform(post("/api/v1/staff").with(httpBasic(admin, TestAccounts.PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"cardNo\":\"X1\",\"phone\":\"123\",\"idNumber\":\"430902199001011235\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors.name").value("此项必填"))
                .andExpect(jsonPath("$.errors.idNumber").value("身份证号校验位不对，请核对最后一位"));
        mvc.perform(post("/api/v1/staff").with(httpBasic(admin, TestAccounts.PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"cardNo\":\"X1\"}"))
                .andExpect(jsonPath("$.errors.name").value("Please fill this in"));
    }

    @Test
    void letsAnAdminChangeTheOwnersOfAMeasure() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        String name = "责任测试科" + System.nanoTime();
        String location = mvc.perform(post("/api/v1/departments").with(httpBasic(admin, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SECTION\",\"name\":\"" + name + "\"}"))
                .andReturn().getResponse().getHeader("Location");
        String section = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(put("/api/v1/measures/R-DIS/owners").with(httpBasic(admin, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("[" + section + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sectionIds[0]").value(Integer.parseInt(section)));
        String leader = accounts.create(Role.LEADER);
        mvc.perform(put("/api/v1/measures/R-DIS/owners").with(httpBasic(leader, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isForbidden());
    }
}
