
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'carousel.empty': `Руководящие принципы пока не опубликованы.`,
'carousel.heading': `Руководящие принципы`,
'carousel.next': `Следующий принцип`,
'carousel.noSource': `Для этих принципов не указан источник данных.`,
'carousel.picker': `Выберите принцип`,
'carousel.previous': `Предыдущий принцип`,
'carousel.role': `карусель`,
'carousel.slideLabel': str`${0} из ${1}`,
'carousel.slideNumber': str`Принцип ${0}`,
'carousel.slideRole': `слайд`,
'carousel.startRotation': `Запустить автоматическую смену слайдов`,
'carousel.stopRotation': `Остановить автоматическую смену слайдов`,
'carousel.tab': str`Принцип ${0}`,
'error.contentType': `По этому адресу нет данных стратегии (неверный тип файла).`,
'error.http': str`Сервер ответил с кодом ошибки ${0}.`,
'error.invalid': str`В данных стратегии есть ошибки. Первая ошибка: ${0}`,
'error.network': `Сервер недоступен. Проверьте подключение к интернету.`,
'error.notJson': `Данные стратегии повреждены (некорректный JSON).`,
'error.retry': `Повторить попытку`,
'error.title': `Не удалось загрузить содержимое.`,
'error.tooLarge': `Данные стратегии слишком велики, чтобы показать их здесь.`,
'error.unknown': `При загрузке произошла неизвестная ошибка.`,
'error.unsupportedVersion': `Данные стратегии новее, чем этот виджет. Пожалуйста, обновите виджет.`,
'state.loading': `Загрузка содержимого…`,
    };
  