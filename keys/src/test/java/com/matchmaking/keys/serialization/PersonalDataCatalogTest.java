package com.matchmaking.keys.serialization;

import com.matchmaking.keys.BindingName;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.keys.UnclassifiedDataException;
import com.matchmaking.keys.testing.SampleEvents.ProfileRecorded;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCatalogTest {

    record Unmarked(@DataSubjectId UUID id, String nickname) {
    }

    record TwoMarks(@DataSubjectId UUID id, @PersonalData(group = "profile", purpose = "testing") @NotPersonal String note) {
    }

    record NoSubject(@NotPersonal UUID id, @PersonalData(group = "profile", purpose = "testing") String note) {
    }

    record TextSubject(@DataSubjectId String id, @PersonalData(group = "profile", purpose = "testing") String note) {
    }

    record BadGroup(@DataSubjectId UUID id, @PersonalData(group = "Profile Data", purpose = "testing") String note) {
    }

    record UnknownOtherSubject(@DataSubjectId UUID id, @PersonalData(group = "profile", purpose = "testing", subject = "partnerId") String note) {
    }

    record Inner(@PersonalData(group = "profile", purpose = "testing") String secret, Object loose) {
    }

    record NestedUnmarked(@DataSubjectId UUID id, Inner inner) {
    }

    record ListOfRecords(@DataSubjectId UUID id, List<Inner> inners) {
    }

    @BindingName("OldName")
    record Renamed(@DataSubjectId UUID id, @BindingName("oldField") @PersonalData(group = "profile", purpose = "testing") String newField) {
    }

    static class Aggregate {
        @DataSubjectId
        private UUID id;
        @PersonalData(group = "profile", purpose = "testing")
        private String nickname;
        @NotPersonal
        private boolean active;
        private transient String cached;
        private static final int IGNORED = 1;
    }

    @Test
    void describesEveryPersonalPropertyWithGroupSubjectPlaceholderAndBinding() {
        ClassPlan plan = PersonalDataCatalog.describe(ProfileRecorded.class);

        assertThat(plan.subjectProperty()).isEqualTo("subjectId");
        assertThat(plan.personalFields()).extracting(FieldPlan::dottedPath)
                .containsExactly("fullName", "phone", "email", "birthDate", "heightCm", "hobbies", "address.city");
        FieldPlan city = plan.personalFields().get(6);
        assertThat(city.group()).isEqualTo("contact");
        assertThat(city.binding()).isEqualTo("ProfileRecorded.address.city");
        assertThat(city.placeholder()).isEqualTo("[erased]");
        assertThat(plan.personalFields().get(2).placeholder()).as("email is ERASED_AS_NULL").isNull();
        assertThat(plan.personalFields().get(3).placeholder()).as("a date is not text").isNull();
    }

    @Test
    void aggregateFieldsAreClassifiedLikeRecordComponents() {
        ClassPlan plan = PersonalDataCatalog.describe(Aggregate.class);

        assertThat(plan.subjectProperty()).isEqualTo("id");
        assertThat(plan.personalFields()).extracting(FieldPlan::dottedPath).containsExactly("nickname");
    }

    @Test
    void bindingNamesPinTheAssociatedDataAcrossRenames() {
        assertThat(PersonalDataCatalog.describe(Renamed.class).personalFields().get(0).binding()).isEqualTo("OldName.oldField");
    }

    @Test
    void refusesAnUnmarkedProperty() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(Unmarked.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("Unmarked.nickname");
    }

    @Test
    void refusesAnUnmarkedPropertyInsideANestedRecord() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(NestedUnmarked.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("inner.loose");
    }

    @Test
    void refusesAnUnmarkedCollectionEvenOfClassifiedRecords() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(ListOfRecords.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("inners");
    }

    @Test
    void refusesContradictoryMarks() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(TwoMarks.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("more than one");
    }

    @Test
    void refusesPersonalDataWithoutASubject() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(NoSubject.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("no @DataSubjectId");
    }

    @Test
    void refusesASubjectIdThatIsNotAUuid() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(TextSubject.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("UUID");
    }

    @Test
    void refusesMalformedGroupNamesAndUnknownSubjectProperties() {
        assertThatThrownBy(() -> PersonalDataCatalog.describe(BadGroup.class)).isInstanceOf(UnclassifiedDataException.class);
        assertThatThrownBy(() -> PersonalDataCatalog.describe(UnknownOtherSubject.class))
                .isInstanceOf(UnclassifiedDataException.class).hasMessageContaining("partnerId");
    }
}
