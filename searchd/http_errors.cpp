#include "http_errors.hpp"

#include <httplib.h>
#include <libsearch/errors.hpp>

#include <iostream>

#include "api_json.hpp"
#include "request_params.hpp"

namespace searchd {

namespace {

void set_json_error(httplib::Response& response, int status, Json error) {
    response.status = status;
    response.set_content(dump({{"error", std::move(error)}}), "application/json");
}

}  // namespace

void set_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    set_json_error(response, status, {{"code", code}, {"message", message}});
}

void set_error_from(httplib::Response& response, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const BadParameter& e) {
        set_json_error(response, 400, {{"code", "bad_parameter"}, {"message", e.what()}, {"parameter", e.parameter()}});
    } catch (const libsearch::InvalidArgument& e) {
        set_json_error(response, 400, {{"code", "bad_parameter"}, {"message", e.what()}, {"parameter", e.parameter()}});
    } catch (const libsearch::QuerySyntaxError& e) {
        set_json_error(response, 400, {{"code", "bad_query"}, {"message", e.what()}, {"position", e.position()}});
    } catch (const libsearch::ShardUnavailable& e) {
        // Says which shards, so an operator (or a client retrying) knows.
        std::cerr << "searchd: " << e.what() << '\n';
        set_json_error(response, 503, {{"code", "shard_unavailable"}, {"message", e.what()}, {"shards", e.shards()}});
    } catch (const libsearch::IndexError& e) {
        std::cerr << "searchd: index error: " << e.what() << '\n';
        set_error(response, 503, "unavailable", "the index cannot be read right now");
    } catch (const std::exception& e) {
        std::cerr << "searchd: internal error: " << e.what() << '\n';
        set_error(response, 500, "internal", "internal error");
    } catch (...) {
        std::cerr << "searchd: internal error of unknown type\n";
        set_error(response, 500, "internal", "internal error");
    }
}

}  // namespace searchd
