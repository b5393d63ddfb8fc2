package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's rules without any controls: navigation refuses unbuilt workspaces; view settings persist. */
class MainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void startsOnHomeWithLightThemeByDefault() {
        MainViewModel vm = new MainViewModel(Settings.load(dir.resolve("s.properties")), "test backend");
        assertEquals(Workspace.HOME, vm.currentProperty().get());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertFalse(vm.presenterProperty().get());
        assertEquals("Compute: test backend", vm.backendProperty().get());
    }

    @Test
    void refusesWorkspacesThatAreNotBuilt() {
        MainViewModel vm = new MainViewModel(Settings.load(dir.resolve("s.properties")), "b");
        for (Workspace w : Workspace.values()) {
            Workspace before = vm.currentProperty().get();
            assertEquals(w.available(), vm.select(w));
            assertEquals(w.available() ? w : before, vm.currentProperty().get());
        }
    }

    @Test
    void themeAndPresenterModeAreRememberedBetweenRuns() {
        Path file = dir.resolve("s.properties");
        MainViewModel first = new MainViewModel(Settings.load(file), "b");
        first.toggleTheme();
        first.presenterProperty().set(true);
        MainViewModel second = new MainViewModel(Settings.load(file), "b");
        assertEquals(Theme.DARK, second.themeProperty().get());
        assertTrue(second.presenterProperty().get());
    }

    @Test
    void corruptSettingsFallBackToDefaults() throws Exception {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "view.theme=PURPLE\nview.presenter=maybe\n\\u12");
        MainViewModel vm = new MainViewModel(Settings.load(file), "b");
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertFalse(vm.presenterProperty().get());
    }
}
