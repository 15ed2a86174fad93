#ifndef CFFMPEG_SHIM_H
#define CFFMPEG_SHIM_H
#include <errno.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

/* Function-like, FFERRTAG and cast macros that the Swift importer drops. */
static inline int cffmpeg_averror(int errnum) { return AVERROR(errnum); }
static const int CFFMPEG_AVERROR_EOF = AVERROR_EOF;
static const int CFFMPEG_AVERROR_EAGAIN = AVERROR(EAGAIN);
static const int CFFMPEG_AVERROR_ENCODER_NOT_FOUND = AVERROR_ENCODER_NOT_FOUND;
static const int CFFMPEG_AVERROR_INVALIDDATA = AVERROR_INVALIDDATA;
static const int64_t CFFMPEG_AV_NOPTS_VALUE = AV_NOPTS_VALUE;

/* av_err2str uses a compound literal; wrap av_strerror instead. */
static inline int cffmpeg_strerror(int errnum, char *buffer, size_t size) {
  return av_strerror(errnum, buffer, size);
}

/* av_log is variadic: Swift cannot call it. Pass a preformatted message. */
static inline void cffmpeg_log(void *avcl, int level, const char *message) {
  av_log(avcl, level, "%s", message);
}
/* The display matrix a stream carries (9 int32: 16.16 and 2.30 fixed point), or NULL. It moved
   from the stream to its codec parameters in libavformat 61. */
static inline const int32_t *cffmpeg_display_matrix(const AVStream *stream) {
#if LIBAVFORMAT_VERSION_MAJOR >= 61
  const AVCodecParameters *parameters = stream->codecpar;
  for (int i = 0; i < parameters->nb_coded_side_data; i++) {
    const AVPacketSideData *item = &parameters->coded_side_data[i];
    if (item->type == AV_PKT_DATA_DISPLAYMATRIX && item->size >= 9 * sizeof(int32_t))
      return (const int32_t *)item->data;
  }
#else
  for (int i = 0; i < stream->nb_side_data; i++) {
    const AVPacketSideData *item = &stream->side_data[i];
    if (item->type == AV_PKT_DATA_DISPLAYMATRIX && item->size >= 9 * sizeof(int32_t))
      return (const int32_t *)item->data;
  }
#endif
  return NULL;
}
#endif
