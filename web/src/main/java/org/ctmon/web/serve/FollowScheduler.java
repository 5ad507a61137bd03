package org.ctmon.web.serve;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.ctmon.fetcher.following.PollSchedule;
import org.ctmon.parser.CtmonException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs periodic tasks on Quartz: one job per followed log (its follower's poll-and-catch-up step),
 * plus housekeeping (log list refresh, retention purge). A job never runs twice at once
 * ({@link DisallowConcurrentExecution}): a catch-up longer than the interval simply delays the next
 * run. {@link #close()} waits for running jobs, so the batch in hand is committed before exit.
 *
 * <p>In-memory job store by default; with several nodes the log jobs run on a second one on
 * Quartz's clustered JDBC store ({@link ClusteredScheduling}), where a job scheduled by another
 * node is kept, not replaced, and each run is recorded in {@link FollowRuns}.
 */
final class FollowScheduler implements PollSchedule, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FollowScheduler.class);
  private static final String TASKS = "ctmon.tasks";

  private static final String RUNS = "ctmon.runs";

  private final Scheduler scheduler;
  private final boolean shared;
  private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

  FollowScheduler(int threads) {
    this(inMemory(threads), false, null);
  }

  /**
   * A scheduler from Quartz {@code properties}; {@code shared} when its job store is shared with
   * other nodes, whose runs {@code runs} records (null for none).
   */
  FollowScheduler(Properties properties, boolean shared, FollowRuns runs) {
    this.shared = shared;
    try {
      scheduler = new StdSchedulerFactory(properties).getScheduler();
      scheduler.getContext().put(TASKS, tasks);
      if (runs != null) {
        scheduler.getContext().put(RUNS, runs);
      }
    } catch (SchedulerException e) {
      throw new CtmonException("error creating the scheduler: " + e.getMessage(), e);
    }
  }

  private static Properties inMemory(int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "ctmon");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, threads)));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    return p;
  }

  /** Schedules {@code task} every {@code interval}, first run at once; replaces a task of the same name. */
  @Override
  public void every(String name, Duration interval, Runnable task) {
    every(name, interval, task, true);
  }

  /** As {@link #every(String, Duration, Runnable)}; with {@code startNow} false the first run is one interval away. */
  void every(String name, Duration interval, Runnable task, boolean startNow) {
    tasks.put(name, task);
    JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(name, "ctmon").usingJobData("task", name).build();
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(name, "ctmon")
        .startAt(new Date(System.currentTimeMillis() + (startNow ? 0 : interval.toMillis())))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(Math.max(1, interval.toMillis()))
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    try {
      if (shared) {
        // Another node scheduled it already: replacing it would unblock a job running there.
        if (!scheduler.checkExists(job.getKey())) {
          scheduler.scheduleJob(job, trigger);
        }
        return;
      }
      scheduler.deleteJob(new JobKey(name, "ctmon"));
      scheduler.scheduleJob(job, trigger);
    } catch (org.quartz.ObjectAlreadyExistsException e) {
      // Scheduled by another node between the check and now.
    } catch (SchedulerException e) {
      throw new CtmonException("error scheduling " + name + ": " + e.getMessage(), e);
    }
  }

  /** Removes a task (a log no longer followed); a run in progress finishes. */
  @Override
  public void cancel(String name) {
    try {
      scheduler.deleteJob(new JobKey(name, "ctmon"));
    } catch (SchedulerException e) {
      throw new CtmonException("error unscheduling " + name + ": " + e.getMessage(), e);
    }
    tasks.remove(name);
  }

  void start() {
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new CtmonException("error starting the scheduler: " + e.getMessage(), e);
    }
  }

  boolean started() {
    try {
      return scheduler.isStarted() && !scheduler.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("error stopping the scheduler: {}", e.getMessage());
    }
  }

  /** The Quartz job: looks its task up by name and runs it; a failure is logged, never fatal to the schedule. */
  @DisallowConcurrentExecution
  public static final class TaskJob implements Job {
    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) {
      String name = context.getMergedJobDataMap().getString("task");
      try {
        Map<String, Runnable> all = (Map<String, Runnable>) context.getScheduler().getContext().get(TASKS);
        Runnable task = all.get(name);
        if (task != null) {
          FollowRuns runs = (FollowRuns) context.getScheduler().getContext().get(RUNS);
          long run = runs == null ? 0 : runs.started(name);
          try {
            task.run();
          } finally {
            if (runs != null) {
              runs.ended(run);
            }
          }
        }
      } catch (SchedulerException e) {
        LOG.error("task {} could not start: {}", name, e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("task {} failed: {}", name, e.toString(), e);
      }
    }
  }
}
