package com.matchmaking.app.benchmark;

import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.IncomeBand;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdateProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic members and profile changes, already in the normalised forms the GraphQL layer would send (lower-case
 * email, +86 mobile). Every update changes at least one field to a value the member cannot already have, so every
 * measured update command appends exactly one event.
 */
final class MemberGenerator {

    /** Any bcrypt hash will do: hashing is done before the command is sent and is not what is measured. */
    static final String PASSWORD_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1T3bEQkRoYlbfDu6F1iZLOa";
    static final String POLICY_VERSION = "2026-11";

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "欧阳", "司马");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
            "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "婷婷", "子涵", "浩然");
    private static final List<String> CITIES = List.of("北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉",
            "西安", "重庆", "苏州", "天津", "长沙", "郑州", "青岛", "厦门");
    private static final List<String> OCCUPATIONS = List.of("软件工程师", "教师", "医生", "护士", "会计", "律师",
            "销售经理", "设计师", "公务员", "研究员", "产品经理", "建筑师", "药剂师", "记者");
    private static final List<String> ABOUT = List.of("喜欢周末去爬山，也爱在家做饭。", "平时爱看书，尤其是历史和科幻小说。",
            "性格开朗，朋友说我很有耐心。", "希望找到一个可以一起旅行、一起成长的人。", "养了一只猫，叫豆豆。",
            "工作之余学习钢琴已经三年了。", "对家庭很看重，每个月都会回老家看父母。", "喜欢跑步，参加过两次半程马拉松。",
            "Looking for someone kind, honest and curious about the world.", "我相信缘分，也相信努力经营的感情。");

    private final SplittableRandom random;
    private final String runTag;

    MemberGenerator(long seed, String runTag) {
        this.random = new SplittableRandom(seed);
        this.runTag = runTag;
    }

    RegisterMember registration(int index, Instant now) {
        UUID memberId = UUID.randomUUID();
        boolean sensitive = random.nextInt(2) == 0;
        Profile profile = new Profile(
                fullName(),
                email(index, 0),
                phone(index, 0),
                random.nextInt(3) == 0 ? null : "wx_" + runTag + "_" + index,
                random.nextBoolean() ? Gender.FEMALE : Gender.MALE,
                LocalDate.of(1968, 1, 1).plusDays(random.nextInt(365 * 36)),
                pick(CITIES),
                pick(MaritalStatus.values()),
                pick(Education.values()),
                pick(OCCUPATIONS),
                150 + random.nextInt(41),
                sensitive ? pick(IncomeBand.values()) : null,
                aboutMe(index, 0));
        Set<ConsentPurpose> consents = sensitive
                ? EnumSet.of(ConsentPurpose.SENSITIVE_DATA, ConsentPurpose.PERSONALISED_RECOMMENDATIONS)
                : EnumSet.of(ConsentPurpose.PERSONALISED_RECOMMENDATIONS);
        return new RegisterMember(memberId, profile, PASSWORD_HASH, POLICY_VERSION, consents, now, "zh-CN", "a".repeat(64));
    }

    /** The {@code index}-th profile change of a run; one to three fields, one of them always new. */
    UpdateProfile update(UUID memberId, int index, Instant now) {
        Set<ProfileField> fields;
        Profile values;
        switch (index % 10) {
            case 0, 5 -> {
                fields = EnumSet.of(ProfileField.CITY, ProfileField.OCCUPATION);
                values = values(null, null, null, null, pick(CITIES), null, pick(OCCUPATIONS) + " #" + index, null,
                        null);
            }
            case 1, 6 -> {
                fields = EnumSet.of(ProfileField.ABOUT_ME);
                values = values(null, null, null, null, null, null, null, null, aboutMe(index, 1));
            }
            case 2, 7 -> {
                fields = EnumSet.of(ProfileField.PHONE);
                values = values(null, null, phone(index, 1), null, null, null, null, null, null);
            }
            case 3, 8 -> {
                fields = EnumSet.of(ProfileField.HEIGHT_CM, ProfileField.EDUCATION, ProfileField.ABOUT_ME);
                values = values(null, null, null, null, null, pick(Education.values()), null, 150 + random.nextInt(41),
                        aboutMe(index, 1));
            }
            case 4 -> {
                // A changed login: also moves the blind index of the login table.
                fields = EnumSet.of(ProfileField.EMAIL);
                values = values(null, email(index, 1), null, null, null, null, null, null, null);
            }
            default -> {
                fields = EnumSet.of(ProfileField.FULL_NAME, ProfileField.WECHAT_ID);
                values = values(fullName(), null, null, "wx_" + runTag + "_u" + index, null, null, null, null, null);
            }
        }
        return new UpdateProfile(memberId, new ProfilePatch(fields, values), now);
    }

    private static Profile values(String fullName, String email, String phone, String wechatId, String city,
                                  Education education, String occupation, Integer heightCm, String aboutMe) {
        return new Profile(fullName, email, phone, wechatId, null, null, city, null, education, occupation, heightCm,
                null, aboutMe);
    }

    private String fullName() {
        return pick(SURNAMES) + pick(GIVEN) + (random.nextInt(3) == 0 ? pick(GIVEN) : "");
    }

    private String email(int index, int version) {
        return "m" + index + (version == 0 ? "" : "v" + index) + "." + runTag + "@example.com";
    }

    private String phone(int index, int version) {
        long digits = (index * 7L + version * 1_000_003L) % 1_000_000_000L;
        return "+861" + (3 + random.nextInt(7)) + String.format("%09d", digits);
    }

    private String aboutMe(int index, int version) {
        StringBuilder text = new StringBuilder();
        int sentences = 2 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            text.append(pick(ABOUT));
        }
        return version == 0 ? text.toString() : text.append(" (更新 ").append(index).append(")").toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
