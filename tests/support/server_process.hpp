#pragma once
// A real searchd on 127.0.0.1 and an ephemeral port, for one test.

#include <fcntl.h>
#include <signal.h>
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

class ServerProcess {
  public:
    /// Starts `binary` with `args` (plus --port 0) and waits (at most 20 s)
    /// for its "listening on http://HOST:PORT" line.
    ServerProcess(const std::string& binary, std::vector<std::string> args) {
        args.insert(args.begin(), binary);
        args.push_back("--port");
        args.push_back("0");
        out_path_ = dir_ / "stdout";
        err_path_ = dir_ / "stderr";
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(out, 1);
            dup2(err, 2);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string out = read(out_path_);
            const auto nl = out.find('\n');
            if (nl != std::string::npos) {
                first_line_ = out.substr(0, nl);
                const auto colon = first_line_.rfind(':');
                port_ = std::stoi(first_line_.substr(colon + 1));
                return;
            }
            int status;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("searchd exited: " + read(err_path_));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        stop();
        throw std::runtime_error("searchd did not start in 20 s");
    }

    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    const std::string& first_line() const { return first_line_; }
    std::string stderr_text() const { return read(err_path_); }
    pid_t pid() const { return pid_; }

    /// SIGTERM, then wait (at most 10 s, then SIGKILL). Returns the exit status.
    int stop() {
        if (pid_ <= 0) return exit_status_;
        kill(pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        pid_ = -1;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_status_;
    }

  private:
    static std::string read(const std::string& path) {
        std::ifstream f(path);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    }

    TempDir dir_;
    std::string out_path_, err_path_, first_line_;
    pid_t pid_ = -1;
    int port_ = 0;
    int exit_status_ = -1;
};

}  // namespace testsupport
