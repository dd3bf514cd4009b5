#pragma once
// A program run in the background, for tests that kill it, race it or
// measure it: started with fork/exec (its output to files), then waited for
// with a hang guard, or killed with SIGKILL at a chosen moment. wait4 gives
// its peak resident memory.

#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace crashtest {

/// How a background program ended.
struct Ended {
    int status = -1;         ///< exit status, or 128 + signal
    bool killed = false;     ///< we sent SIGKILL (on purpose, see kill_after / kill_when)
    bool hung = false;       ///< it outlived its hang guard and was killed
    double seconds = 0;      ///< from start to end
    long peak_rss_kb = 0;    ///< ru_maxrss of the child (includes the few MB of the forked test process)
    std::string out, err;

    /// What it printed, for a failure message: each stream cut to its last
    /// `limit` bytes (Catch takes minutes to wrap megabytes of output).
    std::string said(std::size_t limit = 4000) const {
        const auto tail = [limit](const std::string& s) {
            return s.size() <= limit ? s : "[... " + std::to_string(s.size() - limit) + " bytes]" + s.substr(s.size() - limit);
        };
        return tail(out) + tail(err);
    }
};

class ChildProcess {
  public:
    /// Starts argv[0] (a path) with argv; standard input is /dev/null.
    explicit ChildProcess(const std::vector<std::string>& argv) {
        out_path_ = dir_ / "stdout";
        err_path_ = dir_ / "stderr";
        start_ = std::chrono::steady_clock::now();
        // The child's peak RSS starts at this process's RSS when forked:
        // give freed memory back first.
        malloc_trim(0);
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int in = open("/dev/null", O_RDONLY);
            const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(in, 0);
            dup2(out, 1);
            dup2(err, 2);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }

    ~ChildProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    /// True until it ends (it is not reaped: wait() still reports it).
    bool running() const {
        if (pid_ <= 0) return false;
        siginfo_t info{};
        return waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
    }
    double elapsed() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    /// Waits for the end; past `guard_seconds` (a hang) it is killed and reported hung.
    Ended wait(double guard_seconds) {
        return wait_until([&] { return elapsed() > guard_seconds; }, guard_seconds, true);
    }

    /// SIGKILL after `seconds`, unless it ended before (then Ended::killed is false).
    Ended kill_after(double seconds, double guard_seconds = 600) {
        return wait_until([&] { return elapsed() >= seconds; }, guard_seconds, false);
    }

    /// SIGKILL as soon as `now()` is true (polled every millisecond), unless it ended before.
    Ended kill_when(const std::function<bool()>& now, double guard_seconds) {
        return wait_until(now, guard_seconds, false);
    }

  private:
    Ended wait_until(const std::function<bool()>& stop_now, double guard_seconds, bool stopping_is_a_hang) {
        Ended ended;
        int wstatus = 0;
        rusage usage{};
        for (;;) {
            const pid_t done = wait4(pid_, &wstatus, WNOHANG, &usage);
            if (done == pid_) break;
            if (done < 0) throw std::runtime_error("wait4 failed");
            const bool guard = elapsed() > guard_seconds;
            if (stop_now() || guard) {
                kill(pid_, SIGKILL);
                wait4(pid_, &wstatus, 0, &usage);
                ended.killed = !stopping_is_a_hang && !guard;
                ended.hung = stopping_is_a_hang || guard;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        pid_ = -1;
        ended.seconds = elapsed();
        ended.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
        ended.peak_rss_kb = usage.ru_maxrss;
        ended.out = slurp(out_path_);
        ended.err = slurp(err_path_);
        return ended;
    }

    static std::string slurp(const std::string& path) {
        std::ifstream f(path, std::ios::binary);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    }

    testsupport::TempDir dir_;
    std::string out_path_, err_path_;
    std::chrono::steady_clock::time_point start_;
    pid_t pid_ = -1;
};

}  // namespace crashtest
