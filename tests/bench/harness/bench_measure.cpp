// bench_measure: wall time and peak memory of one command (no GNU time needed).
//
//   bench_measure [--stdout FILE] -- CMD [ARG...]
//
// Runs CMD (fork/exec, searched in PATH), waits for it with wait4 and prints
// one JSON line on stdout:  {"seconds":S,"peak_rss_mb":M,"exit":E}
// where E is CMD's exit status (128+N when killed by signal N; 127 when it
// could not be started). With --stdout, CMD's standard output goes to FILE
// (e.g. a converter's output, or a program's own JSON lines) instead of ours.
// Exit status: CMD's, or 2 for a usage error.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::string stdout_file;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg == "--stdout" && i + 1 < argc) {
            stdout_file = argv[++i];
        } else {
            std::fprintf(stderr, "usage: bench_measure [--stdout FILE] -- CMD [ARG...]\n");
            return 2;
        }
    }
    if (i >= argc) {
        std::fprintf(stderr, "usage: bench_measure [--stdout FILE] -- CMD [ARG...]\n");
        return 2;
    }
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::fprintf(stderr, "bench_measure: fork: %s\n", std::strerror(errno));
        return 127;
    }
    if (pid == 0) {
        if (!stdout_file.empty()) {
            const int fd = open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
                std::fprintf(stderr, "bench_measure: %s: %s\n", stdout_file.c_str(), std::strerror(errno));
                _exit(127);
            }
        }
        execvp(argv[i], argv + i);
        std::fprintf(stderr, "bench_measure: %s: %s\n", argv[i], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::fprintf(stderr, "bench_measure: wait4: %s\n", std::strerror(errno));
            return 127;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 127;
    std::printf("{\"seconds\":%.6f,\"peak_rss_mb\":%.3f,\"exit\":%d}\n", seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0, code);
    return code;
}
