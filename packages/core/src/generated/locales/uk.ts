
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'carousel.empty': `Керівні принципи ще не опубліковано.`,
'carousel.heading': `Керівні принципи`,
'carousel.next': `Наступний принцип`,
'carousel.noSource': `Для цих принципів не вказано джерело даних.`,
'carousel.picker': `Виберіть принцип`,
'carousel.previous': `Попередній принцип`,
'carousel.role': `карусель`,
'carousel.slideLabel': str`${0} з ${1}`,
'carousel.slideNumber': str`Принцип ${0}`,
'carousel.slideRole': `слайд`,
'carousel.startRotation': `Запустити автоматичну зміну слайдів`,
'carousel.stopRotation': `Зупинити автоматичну зміну слайдів`,
'carousel.tab': str`Принцип ${0}`,
'error.contentType': `За цією адресою немає даних стратегії (неправильний тип файлу).`,
'error.http': str`Сервер відповів кодом помилки ${0}.`,
'error.invalid': str`У даних стратегії є помилки. Перша помилка: ${0}`,
'error.network': `Сервер недоступний. Перевірте підключення до інтернету.`,
'error.notJson': `Дані стратегії пошкоджені (некоректний JSON).`,
'error.retry': `Спробувати ще раз`,
'error.title': `Не вдалося завантажити вміст.`,
'error.tooLarge': `Дані стратегії завеликі, щоб показати їх тут.`,
'error.unknown': `Під час завантаження сталася невідома помилка.`,
'error.unsupportedVersion': `Дані стратегії новіші за цей віджет. Будь ласка, оновіть віджет.`,
'state.loading': `Завантаження вмісту…`,
    };
  