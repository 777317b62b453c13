package io.github.changetalk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientVoiceTest {
    @Test
    void reflectionsAreReadInTheClientsVoice() {
        assertThat(ClientVoice.of("So you're worried about your liver.")).isEqualTo("So I'm worried about my liver.");
        assertThat(ClientVoice.of("You are ready to make a change.")).isEqualTo("I am ready to make a change.");
        assertThat(ClientVoice.of("Your kids matter a lot to you.")).isEqualTo("My kids matter a lot to me.");
    }

    @Test
    void yesNoQuestionsBecomeTheStatementAYesWouldAssert() {
        assertThat(ClientVoice.of("Do you want to cut down?")).isEqualTo("I want to cut down.");
        assertThat(ClientVoice.of("So, are you going to call them?")).isEqualTo("I am going to call them.");
        assertThat(ClientVoice.of("That sounds hard. Could you see yourself quitting?"))
                .isEqualTo("That sounds hard. I could see myself quitting.");
    }

    @Test
    void theCounselorsOwnVoiceIsNotTakenForTheClients() {
        assertThat(ClientVoice.of("I hear that your wife wants you to stop."))
                .isEqualTo("You hear that my wife wants me to stop.");
        assertThat(ClientVoice.of("What would you like to do?")).isEqualTo("What would I like to do.");
    }
}
