package com.matchmaking.app.support;

import com.matchmaking.schema.account.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Staff accounts for tests, created over the API by the bootstrap administrator of the test profile. */
public final class Staffing {

    public static final String ADMIN_USERNAME = "root-admin";
    public static final String ADMIN_PASSWORD = "bootstrap-admin-password";

    private final Api api;
    private String adminToken;

    public Staffing(Api api) {
        this.api = api;
    }

    /** A staff member: id, login and token. */
    public record StaffMember(UUID staffId, String username, String password, String token) {
    }

    /** The password the bootstrap administrator changes the configured one to at their first login. */
    public static final String ADMIN_CHANGED_PASSWORD = ADMIN_PASSWORD + "-changed";

    public String adminToken() {
        if (adminToken == null) {
            adminToken = adminLogin(api);
        }
        return adminToken;
    }

    /**
     * A fresh token of the bootstrap administrator. The first login in an application must change the configured
     * password (everything else is refused until then); later ones use the changed password.
     */
    public static String adminLogin(Api api) {
        var changed = api.anonymous().documentName("login").variable("username", ADMIN_USERNAME)
                .variable("password", ADMIN_CHANGED_PASSWORD).execute();
        List<String> token = new java.util.ArrayList<>();
        changed.errors().satisfy(errors -> {
            if (errors.isEmpty()) {
                token.add(changed.path("login.token").entity(String.class).get());
            }
        });
        if (!token.isEmpty()) {
            return token.get(0);
        }
        String first = api.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        return api.as(first).documentName("changePassword").variable("currentPassword", ADMIN_PASSWORD)
                .variable("newPassword", ADMIN_CHANGED_PASSWORD).execute().path("changePassword.token")
                .entity(String.class).get();
    }

    /** A staff member with the roles, a signed agreement and current training: cleared for personal data. */
    public StaffMember cleared(Role... roles) {
        StaffMember staff = uncleared(roles);
        recordAgreement(staff.staffId(), LocalDate.now().minusDays(30));
        recordTraining(staff.staffId(), LocalDate.now().minusDays(10));
        return staff;
    }

    /** A staff member with the roles and nothing else: no agreement, no training. */
    public StaffMember uncleared(Role... roles) {
        String username = "staff." + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        String password = "staff-password-" + username;
        String id = api.as(adminToken()).documentName("createStaff")
                .variable("input", Map.of("username", username, "password", password,
                        "displayName", "Staff " + username, "roles", List.of(roles).stream().map(Enum::name).toList()))
                .execute().path("createStaff.staffId").entity(String.class).get();
        return new StaffMember(UUID.fromString(id), username, password, api.login(username, password));
    }

    /** A fresh login of the staff member; fails the test if the login is refused. */
    public String login(StaffMember staff) {
        return api.login(staff.username(), staff.password());
    }

    public void recordAgreement(UUID staffId, LocalDate signedOn) {
        api.as(adminToken()).documentName("recordConfidentialityAgreement").variable("staffId", staffId.toString())
                .variable("version", "CA-2026").variable("signedOn", signedOn.toString()).execute()
                .path("recordConfidentialityAgreement.staffId").hasValue();
    }

    public void recordTraining(UUID staffId, LocalDate completedOn) {
        api.as(adminToken()).documentName("recordPrivacyTraining").variable("staffId", staffId.toString())
                .variable("completedOn", completedOn.toString()).execute().path("recordPrivacyTraining.staffId").hasValue();
    }

    public void assign(UUID memberId, UUID matchmakerId) {
        api.as(adminToken()).documentName("assignMatchmaker").variable("memberId", memberId.toString())
                .variable("matchmakerId", matchmakerId == null ? null : matchmakerId.toString()).execute()
                .path("assignMatchmaker").entity(Boolean.class).isEqualTo(true);
    }
}
