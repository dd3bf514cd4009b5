#pragma once
// A helper program (xapian-tcpsrv, xapian-replicate-server) run for one
// test in a process group of its own, so that pause() and the destructor
// reach the children it forks per connection too. Always stopped at the
// end, also when the test fails.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace testsupport {

/// A port on 127.0.0.1 that was free a moment ago (bound, read, released).
inline int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) close(fd);
        throw std::runtime_error("cannot bind a free port on 127.0.0.1");
    }
    close(fd);
    return ntohs(address.sin_port);
}

/// True when something accepts connections on 127.0.0.1:`port`.
inline bool accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) close(fd);
    return ok;
}

class ChildProcess {
  public:
    explicit ChildProcess(std::vector<std::string> argv) {
        out_path_ = dir_ / "output";
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            setpgid(0, 0);
            const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(out, 1);
            dup2(out, 2);
            std::vector<char*> args;
            for (auto& a : argv) args.push_back(a.data());
            args.push_back(nullptr);
            execvp(args[0], args.data());
            _exit(127);
        }
        setpgid(pid_, pid_);  // also here: no race with the first signal
    }
    ~ChildProcess() { stop(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// False once the program has ended (e.g. its port was taken).
    bool running() {
        if (pid_ <= 0) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
        pid_ = -1;
        return false;
    }
    /// Waits (at most `limit`) for the program to end; its exit status or -1.
    int wait_exit(std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (pid_ > 0) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (std::chrono::steady_clock::now() > deadline) return -1;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }
    /// SIGSTOP / SIGCONT to the whole group: a server that hangs, then recovers.
    void pause() { signal_group(SIGSTOP); }
    void resume() { signal_group(SIGCONT); }

    /// SIGKILL to the group, and reap.
    void stop() {
        if (pid_ <= 0) return;
        signal_group(SIGCONT);
        signal_group(SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    std::string output() const {
        std::ifstream f(out_path_);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    }

  private:
    void signal_group(int signal) {
        if (pid_ > 0) ::kill(-pid_, signal);
    }

    TempDir dir_;
    std::string out_path_;
    pid_t pid_ = -1;
};

}  // namespace testsupport
