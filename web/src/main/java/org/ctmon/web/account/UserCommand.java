package org.ctmon.web.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.ctmon.store.account.Accounts;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctmon user add EMAIL [--admin]}: accounts without a browser. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
    subcommands = {UserCommand.Add.class})
public final class UserCommand {
  private UserCommand() {}

  /**
   * {@code ctmon user add EMAIL [--admin]}: creates an account with a random password, printed
   * once on standard output (alone, so a script can capture it); the advice goes to standard error.
   */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Create an account and print its one-time password.",
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:created", "1:bad email, account exists, or the database cannot be opened",
          "2:invalid configuration"})
  static final class Add implements Callable<Integer> {
    private static final String NAME = "ctmon user add";
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The account's email address (its login).")
    String email;

    @Option(names = "--admin", description = "The account may administer ctmon.")
    boolean admin;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      EmailAddress address;
      try {
        address = new EmailAddress(email);
      } catch (IllegalArgumentException e) {
        err.println(NAME + ": " + e.getMessage());
        return 1;
      }
      return CommandStore.withStore(config, err, NAME, true, store -> {
        SecureRandom random = new SecureRandom();
        Accounts accounts = new Accounts(store.jdbi(), Clock.systemUTC(), random);
        if (accounts.byEmail(address.value()).isPresent()) {
          err.println(NAME + ": an account " + address + " exists already");
          return 1;
        }
        String password = password(random);
        long id = accounts.create(address.value(), password, admin);
        spec.commandLine().getOut().println(password);
        err.println(NAME + ": created " + (admin ? "administrator " : "account ") + address + " (id " + id
            + ") with the one-time password above; it is not shown again: sign in and change it.");
        return 0;
      });
    }

    /** 18 random bytes: 24 URL-safe characters, 144 bits. */
    static String password(SecureRandom random) {
      byte[] b = new byte[18];
      random.nextBytes(b);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
  }
}
