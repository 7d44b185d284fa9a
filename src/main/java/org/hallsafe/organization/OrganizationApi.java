package org.hallsafe.organization;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.organization.Forms.DepartmentForm;
import org.hallsafe.organization.Forms.LeadershipForm;
import org.hallsafe.organization.Forms.SiteForm;
import org.hallsafe.organization.Forms.StaffForm;
import org.hallsafe.organization.Forms.WindowForm;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.LeadershipView;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization as JSON, for WeChat pages and other systems. Same rules and permissions as the pages; the caller's
 * hall is the one of its account.
 */
@RestController
@RequestMapping("/api/v1")
@ApiErrors.JsonApi
@Tag(name = "organization", description = "R-ORG-1, R-ORG-2: halls, sections, windows, staff, leadership group, measures")
class OrganizationApi {


    private final Directory directory;
    private final StaffDirectory staff;
    private final Leadership leadership;
    private final Measures measures;

    OrganizationApi(Directory directory, StaffDirectory staff, Leadership leadership, Measures measures) {
        this.directory = directory;
        this.staff = staff;
        this.leadership = leadership;
        this.measures = measures;
    }

    @GetMapping("/sites")
    @RequiresPermission(Permissions.SITE_EDIT)
    List<SiteView> sites(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean retired) {
        return directory.sites(q, retired);
    }

    @PostMapping("/sites")
    @RequiresPermission(Permissions.SITE_EDIT)
    ResponseEntity<SiteView> createSite(@Valid @RequestBody SiteForm form) {
        long id = directory.saveSite(null, form);
        return created("/api/v1/sites/", id, directory.site(id));
    }

    @PutMapping("/sites/{id}")
    @RequiresPermission(Permissions.SITE_EDIT)
    SiteView updateSite(@PathVariable long id, @Valid @RequestBody SiteForm form) {
        return directory.site(directory.saveSite(id, form));
    }

    @GetMapping("/departments")
    @RequiresPermission(Permissions.ORG_VIEW)
    @Operation(summary = "Sections (科室) and bureau units (局属单位) of the caller's hall")
    List<DepartmentView> departments(SignedIn who, @RequestParam(required = false) DepartmentKind kind,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean retired) {
        return directory.departments(who.siteId(), kind, q, retired);
    }

    @GetMapping("/departments/{id}")
    @RequiresPermission(Permissions.ORG_VIEW)
    DepartmentView department(SignedIn who, @PathVariable long id) {
        return directory.department(who.siteId(), id);
    }

    @PostMapping("/departments")
    @RequiresPermission(Permissions.ORG_EDIT)
    ResponseEntity<DepartmentView> createDepartment(SignedIn who, @Valid @RequestBody DepartmentForm form) {
        long id = directory.saveDepartment(who.siteId(), null, form);
        return created("/api/v1/departments/", id, directory.department(who.siteId(), id));
    }

    @PutMapping("/departments/{id}")
    @RequiresPermission(Permissions.ORG_EDIT)
    DepartmentView updateDepartment(SignedIn who, @PathVariable long id, @Valid @RequestBody DepartmentForm form) {
        return directory.department(who.siteId(), directory.saveDepartment(who.siteId(), id, form));
    }

    @PostMapping("/departments/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    DepartmentView retireDepartment(SignedIn who, @PathVariable long id) {
        directory.retireDepartment(who.siteId(), id);
        return directory.department(who.siteId(), id);
    }

    @GetMapping("/windows")
    @RequiresPermission(Permissions.ORG_VIEW)
    List<WindowView> windows(SignedIn who, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean retired) {
        return directory.windows(who.siteId(), q, retired);
    }

    @PostMapping("/windows")
    @RequiresPermission(Permissions.ORG_EDIT)
    ResponseEntity<WindowView> createWindow(SignedIn who, @Valid @RequestBody WindowForm form) {
        long id = directory.saveWindow(who.siteId(), null, form);
        return created("/api/v1/windows/", id, directory.window(who.siteId(), id));
    }

    @PutMapping("/windows/{id}")
    @RequiresPermission(Permissions.ORG_EDIT)
    WindowView updateWindow(SignedIn who, @PathVariable long id, @Valid @RequestBody WindowForm form) {
        return directory.window(who.siteId(), directory.saveWindow(who.siteId(), id, form));
    }

    @PostMapping("/windows/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    WindowView retireWindow(SignedIn who, @PathVariable long id) {
        directory.retireWindow(who.siteId(), id);
        return directory.window(who.siteId(), id);
    }

    @GetMapping("/staff")
    @RequiresPermission(Permissions.ORG_VIEW)
    @Operation(summary = "Search staff by name or card number; a full phone or ID number matches exactly. Numbers come back masked.")
    List<StaffView> staff(SignedIn who, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long departmentId,
            @RequestParam(defaultValue = "false") boolean retired) {
        return staff.search(who.siteId(), q, departmentId, retired);
    }

    @GetMapping("/staff/{id}")
    @RequiresPermission(Permissions.ORG_VIEW)
    StaffView staffMember(SignedIn who, @PathVariable long id) {
        return staff.get(who.siteId(), id);
    }

    @PostMapping("/staff")
    @RequiresPermission(Permissions.ORG_EDIT)
    ResponseEntity<StaffView> createStaff(SignedIn who, @Valid @RequestBody StaffForm form) {
        long id = staff.save(who.siteId(), null, form);
        return created("/api/v1/staff/", id, staff.get(who.siteId(), id));
    }

    @PutMapping("/staff/{id}")
    @RequiresPermission(Permissions.ORG_EDIT)
    StaffView updateStaff(SignedIn who, @PathVariable long id, @Valid @RequestBody StaffForm form) {
        return staff.get(who.siteId(), staff.save(who.siteId(), id, form));
    }

    @PostMapping("/staff/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    StaffView retireStaff(SignedIn who, @PathVariable long id) {
        staff.retire(who.siteId(), id);
        return staff.get(who.siteId(), id);
    }

    @PostMapping("/staff/{id}/reveal/{field}")
    @RequiresPermission(Permissions.STAFF_REVEAL)
    @Operation(summary = "The full phone or ID number (field: phone or idNumber); every call is written to the audit log")
    Map<String, String> reveal(SignedIn who, @PathVariable long id, @PathVariable String field) {
        return Map.of(field, staff.reveal(who.siteId(), id, field));
    }

    @GetMapping("/leadership")
    @RequiresPermission(Permissions.LEADERSHIP_VIEW)
    List<LeadershipView> leadership(SignedIn who, @RequestParam(defaultValue = "false") boolean retired) {
        return leadership.members(who.siteId(), retired);
    }

    @PostMapping("/leadership")
    @RequiresPermission(Permissions.LEADERSHIP_EDIT)
    ResponseEntity<LeadershipView> appoint(SignedIn who, @Valid @RequestBody LeadershipForm form) {
        long id = leadership.appoint(who.siteId(), form);
        return created("/api/v1/leadership/", id,
                leadership.members(who.siteId(), false).stream().filter(m -> m.id() == id).findFirst()
                        .orElseThrow(() -> NotFoundException.of("leadership member", id)));
    }

    @PostMapping("/leadership/{id}/retire")
    @RequiresPermission(Permissions.LEADERSHIP_EDIT)
    ResponseEntity<Void> release(SignedIn who, @PathVariable long id) {
        leadership.retire(who.siteId(), id);
        return ResponseEntity.noContent().build();
    }

    /** One measure with its responsible sections. */
    record MeasureOwners(String code, boolean allSections, Set<Long> sectionIds) {
    }

    @GetMapping("/measures")
    @RequiresPermission(Permissions.MEASURE_VIEW)
    @Operation(summary = "The plan's measures and their responsible sections (责任科室)")
    List<MeasureOwners> measures(SignedIn who) {
        Map<String, Set<Long>> owners = measures.owners(who.siteId());
        return java.util.Arrays.stream(PlanMeasure.values())
                .map(m -> new MeasureOwners(m.code(), m.allSections(), owners.getOrDefault(m.code(), Set.of())))
                .toList();
    }

    @PutMapping("/measures/{code}/owners")
    @RequiresPermission(Permissions.MEASURE_EDIT)
    MeasureOwners setOwners(SignedIn who, @PathVariable String code, @RequestBody Set<Long> sectionIds) {
        PlanMeasure measure = PlanMeasure.of(code);
        measures.setOwners(who.siteId(), measure, new HashSet<>(sectionIds));
        return new MeasureOwners(measure.code(), measure.allSections(),
                measures.owners(who.siteId()).getOrDefault(measure.code(), Set.of()));
    }

    private static <T> ResponseEntity<T> created(String path, long id, T body) {
        return ResponseEntity.created(URI.create(path + id)).body(body);
    }
}
