
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'carousel.empty': `لم تُنشر أي مبادئ توجيهية بعد.`,
'carousel.heading': `المبادئ التوجيهية`,
'carousel.next': `المبدأ التالي`,
'carousel.noSource': `لم يُحدَّد مصدر بيانات لهذه المبادئ.`,
'carousel.picker': `اختر مبدأً`,
'carousel.previous': `المبدأ السابق`,
'carousel.role': `عرض دوّار`,
'carousel.slideLabel': str`${0} من ${1}`,
'carousel.slideNumber': str`المبدأ ${0}`,
'carousel.slideRole': `شريحة`,
'carousel.startRotation': `تشغيل التبديل التلقائي`,
'carousel.stopRotation': `إيقاف التبديل التلقائي`,
'carousel.tab': str`المبدأ ${0}`,
'error.contentType': `هذا العنوان لا يقدّم بيانات الاستراتيجية (نوع ملف خاطئ).`,
'error.http': str`ردّ الخادم برمز الخطأ ${0}.`,
'error.invalid': str`بيانات الاستراتيجية تحتوي على أخطاء. أول خطأ في: ${0}`,
'error.network': `تعذّر الوصول إلى الخادم. يُرجى التحقق من اتصالك بالإنترنت.`,
'error.notJson': `بيانات الاستراتيجية تالفة (ليست بصيغة JSON صالحة).`,
'error.retry': `إعادة المحاولة`,
'error.title': `تعذّر تحميل المحتوى.`,
'error.tooLarge': `بيانات الاستراتيجية أكبر من أن تُعرض هنا.`,
'error.unknown': `حدث خطأ غير معروف أثناء التحميل.`,
'error.unsupportedVersion': `بيانات الاستراتيجية أحدث من هذه الأداة. يُرجى تحديث الأداة.`,
'state.loading': `جارٍ تحميل المحتوى…`,
    };
  