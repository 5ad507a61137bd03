package org.ctmon.web.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.account.IssuedToken;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctmon token add EMAIL [--label L]}: API tokens without a browser. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
    subcommands = {TokenCommand.Add.class})
public final class TokenCommand {
  private TokenCommand() {}

  /**
   * {@code ctmon token add EMAIL [--label L]}: issues an API token, printed once on standard
   * output (alone, for {@code TOKEN=$(ctmon token add ...)}); only its hash is stored.
   */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Create an API token for an account (Authorization: Bearer TOKEN) and print it once.",
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:created", "1:no such account, bad label, or the database cannot be opened",
          "2:invalid configuration"})
  static final class Add implements Callable<Integer> {
    private static final String NAME = "ctmon token add";
    static final int MAX_LABEL = 100;
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The account the token acts for.")
    String email;

    @Option(names = "--label", paramLabel = "L", defaultValue = "ctmon token add",
        description = "What the token is for, as token lists show it (default: ${DEFAULT-VALUE}).")
    String label;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      if (label.isBlank() || label.length() > MAX_LABEL || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        err.println(NAME + ": a label has 1.." + MAX_LABEL + " characters and no control characters");
        return 1;
      }
      return CommandStore.withStore(config, err, NAME, false, store -> {
        SecureRandom random = new SecureRandom();
        Optional<Account> account = AccountArgument.find(new Accounts(store.jdbi(), Clock.systemUTC(), random), email,
            err, NAME);
        if (account.isEmpty()) {
          return 1;
        }
        IssuedToken token = new ApiTokens(store.jdbi(), Clock.systemUTC(), random).issue(account.get().id(), label);
        spec.commandLine().getOut().println(token.secret());
        err.println(NAME + ": token " + token.id() + " (\"" + label + "\") for " + account.get().email()
            + "; it is shown once: keep it now. Use it as Authorization: Bearer <token>.");
        return 0;
      });
    }
  }
}
