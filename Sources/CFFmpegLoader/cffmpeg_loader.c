#include "cffmpeg_loader.h"

#include "cdeferred_loading.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
/* The C library headers FFmpeg's own include, first, so that none of libc's declarations falls
   under the hidden visibility below. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

/* Hidden, so the trampolines below never interpose on FFmpeg's own calls between its libraries. */
#pragma GCC visibility push(hidden)
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#define CFFMPEG_STRINGIFY_(x) #x
#define CFFMPEG_STRINGIFY(x) CFFMPEG_STRINGIFY_(x)
#define CFFMPEG_SONAME(name, major) "lib" #name ".so." CFFMPEG_STRINGIFY(major)

enum { LIB_AVUTIL, LIB_SWSCALE, LIB_AVCODEC, LIB_AVFORMAT, LIB_COUNT };

static const char *const sonames[LIB_COUNT] = {
  CFFMPEG_SONAME(avutil, LIBAVUTIL_VERSION_MAJOR),
  CFFMPEG_SONAME(swscale, LIBSWSCALE_VERSION_MAJOR),
  CFFMPEG_SONAME(avcodec, LIBAVCODEC_VERSION_MAJOR),
  CFFMPEG_SONAME(avformat, LIBAVFORMAT_VERSION_MAJOR),
};

/* Every FFmpeg function Lumen calls, with the library that exports it. */
#define CFFMPEG_FUNCTIONS(X)                                                                        \
  X(LIB_AVUTIL, av_color_primaries_name)                                                           \
  X(LIB_AVUTIL, av_color_range_name)                                                               \
  X(LIB_AVUTIL, av_color_space_name)                                                               \
  X(LIB_AVUTIL, av_color_transfer_name)                                                            \
  X(LIB_AVUTIL, av_dict_free)                                                                      \
  X(LIB_AVUTIL, av_dict_set)                                                                       \
  X(LIB_AVUTIL, av_frame_alloc)                                                                    \
  X(LIB_AVUTIL, av_frame_free)                                                                     \
  X(LIB_AVUTIL, av_frame_get_buffer)                                                               \
  X(LIB_AVUTIL, av_frame_make_writable)                                                            \
  X(LIB_AVUTIL, av_frame_move_ref)                                                                 \
  X(LIB_AVUTIL, av_frame_unref)                                                                    \
  X(LIB_AVUTIL, av_get_pix_fmt_name)                                                               \
  X(LIB_AVUTIL, av_log_set_level)                                                                  \
  X(LIB_AVUTIL, av_rescale_q)                                                                      \
  X(LIB_AVUTIL, av_strerror)                                                                       \
  X(LIB_SWSCALE, sws_freeContext)                                                                  \
  X(LIB_SWSCALE, sws_getCoefficients)                                                              \
  X(LIB_SWSCALE, sws_getContext)                                                                   \
  X(LIB_SWSCALE, sws_isSupportedInput)                                                             \
  X(LIB_SWSCALE, sws_scale)                                                                        \
  X(LIB_SWSCALE, sws_setColorspaceDetails)                                                         \
  X(LIB_AVCODEC, av_packet_alloc)                                                                  \
  X(LIB_AVCODEC, av_packet_free)                                                                   \
  X(LIB_AVCODEC, av_packet_move_ref)                                                               \
  X(LIB_AVCODEC, av_packet_rescale_ts)                                                             \
  X(LIB_AVCODEC, av_packet_unref)                                                                  \
  X(LIB_AVCODEC, avcodec_alloc_context3)                                                           \
  X(LIB_AVCODEC, avcodec_find_encoder_by_name)                                                     \
  X(LIB_AVCODEC, avcodec_flush_buffers)                                                            \
  X(LIB_AVCODEC, avcodec_free_context)                                                             \
  X(LIB_AVCODEC, avcodec_get_name)                                                                 \
  X(LIB_AVCODEC, avcodec_open2)                                                                    \
  X(LIB_AVCODEC, avcodec_parameters_from_context)                                                  \
  X(LIB_AVCODEC, avcodec_parameters_to_context)                                                    \
  X(LIB_AVCODEC, avcodec_profile_name)                                                             \
  X(LIB_AVCODEC, avcodec_receive_frame)                                                            \
  X(LIB_AVCODEC, avcodec_receive_packet)                                                           \
  X(LIB_AVCODEC, avcodec_send_frame)                                                               \
  X(LIB_AVCODEC, avcodec_send_packet)                                                              \
  X(LIB_AVFORMAT, av_find_best_stream)                                                             \
  X(LIB_AVFORMAT, av_interleaved_write_frame)                                                      \
  X(LIB_AVFORMAT, av_read_frame)                                                                   \
  X(LIB_AVFORMAT, av_write_trailer)                                                                \
  X(LIB_AVFORMAT, avformat_alloc_output_context2)                                                  \
  X(LIB_AVFORMAT, avformat_close_input)                                                            \
  X(LIB_AVFORMAT, avformat_find_stream_info)                                                       \
  X(LIB_AVFORMAT, avformat_free_context)                                                           \
  X(LIB_AVFORMAT, avformat_new_stream)                                                             \
  X(LIB_AVFORMAT, avformat_open_input)                                                             \
  X(LIB_AVFORMAT, avformat_seek_file)                                                              \
  X(LIB_AVFORMAT, avformat_write_header)                                                           \
  X(LIB_AVFORMAT, avio_closep)                                                                     \
  X(LIB_AVFORMAT, avio_open)

/* The resolved functions, typed from the headers' own declarations. */
static struct {
#define CFFMPEG_MEMBER(library, name) __typeof__(name) *name;
  CFFMPEG_FUNCTIONS(CFFMPEG_MEMBER)
#undef CFFMPEG_MEMBER
} resolved;

static const cdeferred_symbol symbols[] = {
#define CFFMPEG_SYMBOL(library, name) {library, #name, (void **)&resolved.name},
  CFFMPEG_FUNCTIONS(CFFMPEG_SYMBOL)
#undef CFFMPEG_SYMBOL
};

static cdeferred_loader loader = {
  .what = "FFmpeg",
  .sonames = sonames,
  .library_count = LIB_COUNT,
  .symbols = symbols,
  .symbol_count = sizeof symbols / sizeof symbols[0],
  .once = PTHREAD_ONCE_INIT,
  .status = -1,
  .message = "FFmpeg was not loaded",
};

static void open_once(void) { cdeferred_open(&loader); }

int cffmpeg_load(char *message, size_t message_size) {
  return cdeferred_load(&loader, open_once, message, message_size);
}

/* The Swift side loads through `FFmpegLibrary.load()` and reports a typed error before it calls
   anything; this is the backstop for a call that skipped it. */
#define CALL(name) (cdeferred_require(&loader, open_once), resolved.name)

/* libavutil */
const char *av_color_primaries_name(enum AVColorPrimaries primaries) {
  return CALL(av_color_primaries_name)(primaries);
}
const char *av_color_range_name(enum AVColorRange range) { return CALL(av_color_range_name)(range); }
const char *av_color_space_name(enum AVColorSpace space) { return CALL(av_color_space_name)(space); }
const char *av_color_transfer_name(enum AVColorTransferCharacteristic transfer) {
  return CALL(av_color_transfer_name)(transfer);
}
void av_dict_free(AVDictionary **dictionary) { CALL(av_dict_free)(dictionary); }
int av_dict_set(AVDictionary **dictionary, const char *key, const char *value, int flags) {
  return CALL(av_dict_set)(dictionary, key, value, flags);
}
AVFrame *av_frame_alloc(void) { return CALL(av_frame_alloc)(); }
void av_frame_free(AVFrame **frame) { CALL(av_frame_free)(frame); }
int av_frame_get_buffer(AVFrame *frame, int align) { return CALL(av_frame_get_buffer)(frame, align); }
int av_frame_make_writable(AVFrame *frame) { return CALL(av_frame_make_writable)(frame); }
void av_frame_move_ref(AVFrame *destination, AVFrame *source) {
  CALL(av_frame_move_ref)(destination, source);
}
void av_frame_unref(AVFrame *frame) { CALL(av_frame_unref)(frame); }
const char *av_get_pix_fmt_name(enum AVPixelFormat format) { return CALL(av_get_pix_fmt_name)(format); }
void av_log_set_level(int level) { CALL(av_log_set_level)(level); }
int64_t av_rescale_q(int64_t value, AVRational from, AVRational to) {
  return CALL(av_rescale_q)(value, from, to);
}
int av_strerror(int code, char *buffer, size_t size) { return CALL(av_strerror)(code, buffer, size); }

/* libswscale */
void sws_freeContext(struct SwsContext *context) { CALL(sws_freeContext)(context); }
const int *sws_getCoefficients(int colorspace) { return CALL(sws_getCoefficients)(colorspace); }
struct SwsContext *sws_getContext(int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW,
                                  int dstH, enum AVPixelFormat dstFormat, int flags,
                                  SwsFilter *srcFilter, SwsFilter *dstFilter, const double *param) {
  return CALL(sws_getContext)(srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter,
                              dstFilter, param);
}
int sws_isSupportedInput(enum AVPixelFormat format) { return CALL(sws_isSupportedInput)(format); }
int sws_scale(struct SwsContext *context, const uint8_t *const srcSlice[], const int srcStride[],
              int srcSliceY, int srcSliceH, uint8_t *const dst[], const int dstStride[]) {
  return CALL(sws_scale)(context, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride);
}
int sws_setColorspaceDetails(struct SwsContext *context, const int inv_table[4], int srcRange,
                             const int table[4], int dstRange, int brightness, int contrast,
                             int saturation) {
  return CALL(sws_setColorspaceDetails)(context, inv_table, srcRange, table, dstRange, brightness,
                                        contrast, saturation);
}

/* libavcodec */
AVPacket *av_packet_alloc(void) { return CALL(av_packet_alloc)(); }
void av_packet_free(AVPacket **packet) { CALL(av_packet_free)(packet); }
void av_packet_move_ref(AVPacket *dst, AVPacket *src) { CALL(av_packet_move_ref)(dst, src); }
void av_packet_rescale_ts(AVPacket *packet, AVRational from, AVRational to) {
  CALL(av_packet_rescale_ts)(packet, from, to);
}
void av_packet_unref(AVPacket *packet) { CALL(av_packet_unref)(packet); }
AVCodecContext *avcodec_alloc_context3(const AVCodec *codec) {
  return CALL(avcodec_alloc_context3)(codec);
}
const AVCodec *avcodec_find_encoder_by_name(const char *name) {
  return CALL(avcodec_find_encoder_by_name)(name);
}
void avcodec_free_context(AVCodecContext **context) { CALL(avcodec_free_context)(context); }
void avcodec_flush_buffers(AVCodecContext *context) { CALL(avcodec_flush_buffers)(context); }
const char *avcodec_get_name(enum AVCodecID id) { return CALL(avcodec_get_name)(id); }
int avcodec_open2(AVCodecContext *context, const AVCodec *codec, AVDictionary **options) {
  return CALL(avcodec_open2)(context, codec, options);
}
int avcodec_parameters_from_context(AVCodecParameters *parameters, const AVCodecContext *context) {
  return CALL(avcodec_parameters_from_context)(parameters, context);
}
int avcodec_parameters_to_context(AVCodecContext *context, const AVCodecParameters *parameters) {
  return CALL(avcodec_parameters_to_context)(context, parameters);
}
const char *avcodec_profile_name(enum AVCodecID id, int profile) {
  return CALL(avcodec_profile_name)(id, profile);
}
int avcodec_receive_frame(AVCodecContext *context, AVFrame *frame) {
  return CALL(avcodec_receive_frame)(context, frame);
}
int avcodec_receive_packet(AVCodecContext *context, AVPacket *packet) {
  return CALL(avcodec_receive_packet)(context, packet);
}
int avcodec_send_frame(AVCodecContext *context, const AVFrame *frame) {
  return CALL(avcodec_send_frame)(context, frame);
}
int avcodec_send_packet(AVCodecContext *context, const AVPacket *packet) {
  return CALL(avcodec_send_packet)(context, packet);
}

/* libavformat */
int av_find_best_stream(AVFormatContext *context, enum AVMediaType type, int wanted, int related,
                        const AVCodec **decoder, int flags) {
  return CALL(av_find_best_stream)(context, type, wanted, related, decoder, flags);
}
int av_interleaved_write_frame(AVFormatContext *context, AVPacket *packet) {
  return CALL(av_interleaved_write_frame)(context, packet);
}
int av_read_frame(AVFormatContext *context, AVPacket *packet) {
  return CALL(av_read_frame)(context, packet);
}
int av_write_trailer(AVFormatContext *context) { return CALL(av_write_trailer)(context); }
int avformat_alloc_output_context2(AVFormatContext **context, const AVOutputFormat *format,
                                   const char *formatName, const char *filename) {
  return CALL(avformat_alloc_output_context2)(context, format, formatName, filename);
}
void avformat_close_input(AVFormatContext **context) { CALL(avformat_close_input)(context); }
int avformat_seek_file(AVFormatContext *context, int streamIndex, int64_t minimum, int64_t target,
                       int64_t maximum, int flags) {
  return CALL(avformat_seek_file)(context, streamIndex, minimum, target, maximum, flags);
}
int avformat_find_stream_info(AVFormatContext *context, AVDictionary **options) {
  return CALL(avformat_find_stream_info)(context, options);
}
void avformat_free_context(AVFormatContext *context) { CALL(avformat_free_context)(context); }
AVStream *avformat_new_stream(AVFormatContext *context, const AVCodec *codec) {
  return CALL(avformat_new_stream)(context, codec);
}
int avformat_open_input(AVFormatContext **context, const char *url, const AVInputFormat *format,
                        AVDictionary **options) {
  return CALL(avformat_open_input)(context, url, format, options);
}
int avformat_write_header(AVFormatContext *context, AVDictionary **options) {
  return CALL(avformat_write_header)(context, options);
}
int avio_closep(AVIOContext **context) { return CALL(avio_closep)(context); }
int avio_open(AVIOContext **context, const char *url, int flags) {
  return CALL(avio_open)(context, url, flags);
}
#pragma GCC visibility pop
