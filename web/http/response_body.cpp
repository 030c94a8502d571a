#include "web/http/response_body.hpp"

namespace web {

void set_body(httplib::Response& response, std::shared_ptr<const std::string> bytes, const std::string& content_type) {
    if (bytes->empty()) {
        // httplib neither compresses nor needs a provider for an empty body.
        response.set_content("", content_type);
        return;
    }
    size_t length = bytes->size();
    response.set_content_provider(length, content_type,
                                  [bytes = std::move(bytes)](size_t offset, size_t count, httplib::DataSink& sink) {
                                      return sink.write(bytes->data() + offset, count);
                                  });
}

void set_body(httplib::Response& response, std::string bytes, const std::string& content_type) {
    set_body(response, std::make_shared<const std::string>(std::move(bytes)), content_type);
}

}  // namespace web
